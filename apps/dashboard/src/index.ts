export * from './dashboard.module';
// What the benches time inside a running process.
export { FleetService } from './functions/fleet.service';
