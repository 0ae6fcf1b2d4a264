export { machineToolsRoutes } from './machine-tools.routes.js';
export { getMachineTool, machineToolCompany, type MachineToolView } from './machine-tools.service.js';
