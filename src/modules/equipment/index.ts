export { equipmentRoutes } from './equipment.routes.js';
export { equipmentUsability, getEquipment } from './equipment.service.js';
export { findEquipmentByCode } from './equipment.repository.js';
export { getTraceability, getImpact, registerImpactSource, type ImpactScope, type ImpactSource, type ImpactedRecord } from './traceability.service.js';
export { EQUIPMENT_TYPES, type EquipmentType } from './equipment.tables.js';
export type { Usability, UnusableReason } from './domain/usability.js';
export { calibrationAt, type CalibrationAtDay } from './calibration-lookup.js';
