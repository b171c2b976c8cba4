import type { Framework } from '../finding.js';

/** One control of a compliance framework and the keysweep rules that check it. */
export interface FrameworkControl {
  control: string;
  title: string;
  /** Empty when keysweep has no rule for it (manual or outside identity); kept so the list is complete. */
  ruleIds: string[];
}

export interface FrameworkMapping {
  framework: Framework;
  title: string;
  url: string;
  controls: FrameworkControl[];
}
