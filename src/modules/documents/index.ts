export { translator, LANGUAGES, type Language } from './i18n.js';
export { formatDate, formatDecimal, formatMoney, formatQuantity } from './format.js';
export {
  decisionLabelIn,
  decisionRuleStatementIn,
  mpeConformityIn,
  probabilityOfConformityIn,
  riskStatementIn,
  uncertaintyStatementIn,
  type DecisionRuleFacts,
  type MpeConformityFacts,
  type RiskKind,
  type StatementDecision,
  type UncertaintyStatementFacts,
} from './statements.js';
export { loadLayout, renderPdf, type Block, type Layout, type RenderOptions } from './pdf-renderer.js';
export type { PageFurniture } from './page-furniture.js';
export type { Attachment } from './pdf-document.js';
export { documentOpening, partiesFields, renderOfficialDocument, sectionsInOrder, type DocumentCustomer, type OfficialDocument } from './official-document.js';
export { companionQuery, pdfAnswer, sendPdf } from './document-http.js';
