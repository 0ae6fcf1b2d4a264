/** What an attachment is for: the customer's drawing, CAD model, PMI model, a report, or something else. */
export const ATTACHMENT_CATEGORIES = ['drawing', 'cad_model', 'pmi', 'customer_report', 'other'] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];

/** The file formats the lab accepts, detected from the content (never from the name). */
export const FILE_FORMATS = ['step', 'qif', 'pdf', 'png', 'jpeg', 'tiff', 'gif', 'dxf'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The media type each format is served with. */
export const MEDIA_TYPES: Record<FileFormat, string> = {
  step: 'model/step',
  qif: 'application/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  gif: 'image/gif',
  dxf: 'image/vnd.dxf',
};

/** For refusals: the accepted types in words. */
export const ACCEPTED_TYPES_TEXT =
  'STEP (ISO 10303-21, e.g. AP203, AP214, AP242), QIF (ISO 23952 XML), PDF, PNG, JPEG, TIFF, GIF and DXF (ASCII or binary)';
