export { Sim, type Timer, MAX_EVENTS_PER_RUN } from './sim.ts';
export { SeededRandom } from './random.ts';
