export { SeededRandom } from '@fleetscope/model';
