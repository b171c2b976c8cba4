/**
 * The subset of SARIF 2.1.0 keysweep writes. Typed here (rather than pulled from a package) so the
 * shape GitHub code scanning depends on is visible in one place.
 */
export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  deprecatedIds?: string[];
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: {
    tags: string[];
    'security-severity': string;
    precision: string;
    problem: { severity: string };
  };
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId?: string };
    region: { startLine: number };
  };
  logicalLocations: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
}

export interface SarifSuppression {
  kind: 'external';
  status: 'accepted';
  justification: string;
  properties: { owner: string | null; expires: string | null };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  kind?: 'fail';
  message: { text: string };
  locations: [SarifLocation];
  partialFingerprints: { primaryLocationLineHash: string };
  baselineState?: 'new' | 'unchanged' | 'absent';
  suppressions?: SarifSuppression[];
  properties: Record<string, unknown> & { resourceArn: string; accountId: string };
}

export interface SarifNotification {
  level: SarifLevel;
  message: { text: string };
  descriptor?: { id: string };
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      semanticVersion: string;
      informationUri: string;
      rules: SarifReportingDescriptor[];
    };
  };
  automationDetails: { id: string; description: { text: string } };
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: SarifNotification[] }>;
  results: SarifResult[];
  properties: Record<string, unknown>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
