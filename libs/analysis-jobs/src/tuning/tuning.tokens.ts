/** The tuning drivers of this process (Lambda, OpenFaaS, Knative), one per platform. */
export const TUNING_DRIVERS = Symbol('TUNING_DRIVERS');
