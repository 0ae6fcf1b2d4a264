import type { Actor } from '../../shared/actor.js';
import type { CharacteristicInput, ItemInput, Tolerance } from './domain/job-content.js';
import { allowedActions } from './domain/job-lifecycle.js';
import type { CharacteristicRow, CharacteristicValues, ItemRow, ItemValues, JobRow } from './jobs.repository.js';

/** Column values of a characteristic as entered. */
export function characteristicValues(c: CharacteristicInput): CharacteristicValues {
  const t = c.tolerance;
  return {
    identifier: c.identifier,
    type: c.type,
    nominal: c.nominal ?? null,
    unit: c.unit,
    toleranceKind: t.kind,
    toleranceValue: t.kind === 'symmetric' || t.kind === 'geometric' ? t.value : null,
    upperDeviation: t.kind === 'deviations' ? t.upper : null,
    lowerDeviation: t.kind === 'deviations' ? t.lower : null,
    upperLimit: t.kind === 'limits' ? t.upper : null,
    lowerLimit: t.kind === 'limits' ? t.lower : null,
    datums: c.datums ?? [],
    notes: c.notes ?? null,
    qifId: c.qifId ?? null,
  };
}

/** Column values of an item as entered (instrument columns stay null for pieces). */
export function itemValues(item: ItemInput): ItemValues {
  const i = item.instrument;
  return {
    description: item.description,
    instrumentType: i?.type ?? null,
    manufacturer: i?.manufacturer ?? null,
    model: i?.model ?? null,
    serialNumber: i?.serialNumber ?? null,
    rangeLower: i?.measuringRange.lower ?? null,
    rangeUpper: i?.measuringRange.upper ?? null,
    unit: i?.measuringRange.unit ?? null,
    resolution: i?.resolution ?? null,
    mpe: i?.mpe ?? null,
    service: i?.service ?? null,
  };
}

/** The tolerance of a characteristic row as drawn. */
export function tolerance(c: Pick<CharacteristicRow, 'toleranceKind' | 'toleranceValue' | 'upperDeviation' | 'lowerDeviation' | 'upperLimit' | 'lowerLimit'>): Tolerance {
  switch (c.toleranceKind) {
    case 'symmetric':
      return { kind: 'symmetric', value: c.toleranceValue! };
    case 'geometric':
      return { kind: 'geometric', value: c.toleranceValue! };
    case 'deviations':
      return { kind: 'deviations', upper: c.upperDeviation!, lower: c.lowerDeviation! };
    case 'limits':
      return { kind: 'limits', lower: c.lowerLimit!, upper: c.upperLimit! };
  }
}

const presentItem = (i: ItemRow, characteristics: CharacteristicRow[]) => ({
  id: i.id,
  lineNo: i.lineNo,
  description: i.description,
  instrument:
    i.service === null
      ? null
      : {
          type: i.instrumentType!,
          ...(i.manufacturer ? { manufacturer: i.manufacturer } : {}),
          ...(i.model ? { model: i.model } : {}),
          ...(i.serialNumber ? { serialNumber: i.serialNumber } : {}),
          measuringRange: { lower: i.rangeLower!, upper: i.rangeUpper!, unit: i.unit! },
          ...(i.resolution ? { resolution: i.resolution } : {}),
          ...(i.mpe ? { mpe: i.mpe } : {}),
          service: i.service,
        },
  referencePiece:
    i.service !== null || (i.testPieceId === null && i.serialNumber === null)
      ? null
      : { testPieceId: i.testPieceId, machineToolId: i.machineToolId, serialNumber: i.serialNumber, manufacturedOn: i.manufacturedOn },
  characteristics: characteristics
    .filter((c) => c.itemId === i.id)
    .map((c) => ({ id: c.id, identifier: c.identifier, type: c.type, nominal: c.nominal, unit: c.unit, tolerance: tolerance(c), datums: c.datums, notes: c.notes, qifId: c.qifId })),
});

/** The job as its reader sees it, with the actions the reader may take next. */
export function presentJob(actor: Actor, job: JobRow, items: ItemRow[], characteristics: CharacteristicRow[]) {
  return {
    id: job.id,
    number: job.number,
    companyId: job.companyId,
    kind: job.kind,
    status: job.status,
    agreementId: job.agreementId,
    customerReference: job.customerReference,
    notes: job.notes,
    submittedBy: job.submittedBy,
    contractReview:
      job.reviewedAt && job.method
        ? { method: job.method, decisionRule: job.decisionRule!, decisionRuleNotes: job.decisionRuleNotes, price: job.price!, deliveryDate: job.deliveryDate!, reviewedBy: job.reviewedBy!, reviewedAt: job.reviewedAt }
        : null,
    receipt: job.receivedOn ? { receivedOn: job.receivedOn, condition: job.receiptCondition!, remarks: job.receiptRemarks } : null,
    statusReason: job.statusReason,
    allowedActions: allowedActions(job.status, actor.role),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    items: items.filter((i) => i.jobId === job.id).map((i) => presentItem(i, characteristics)),
  };
}
