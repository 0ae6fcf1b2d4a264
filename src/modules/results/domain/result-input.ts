/** A measurement as a technician gives it, by the API one at a time or many from an imported file. */
export interface ResultInput {
  characteristicId?: string;
  calibrationPoint?: { nominal: string; unit: string };
  methodVersionId: string;
  equipmentIds: string[];
  measuredAt: string;
  environment: { temperature?: string; humidity?: string };
  readings: { value: string; unit: string }[];
  deviation?: { justification: string };
  remarks?: string | null;
}
