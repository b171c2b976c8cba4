/**
 * Actions the usage collector calls. GenerateServiceLastAccessedDetails is not a List/Get/Describe:
 * it only asks IAM to compile a report (a job) of the principal's service last accessed data, which
 * GetServiceLastAccessedDetails reads; it changes no identity or policy.
 */
export const USAGE_JOB_ACTIONS = [
  'iam:GenerateServiceLastAccessedDetails',
  'iam:GetServiceLastAccessedDetails',
] as const;

/** An organization's unused-access analyzer, read where one exists (management or delegated admin). */
export const USAGE_ANALYZER_ACTIONS = [
  'access-analyzer:ListAnalyzers',
  'access-analyzer:GetAnalyzer',
  'access-analyzer:ListFindingsV2',
  'access-analyzer:GetFindingV2',
] as const;

export const USAGE_REQUIRED_ACTIONS = [...USAGE_JOB_ACTIONS, ...USAGE_ANALYZER_ACTIONS] as const;
