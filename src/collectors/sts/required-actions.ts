/** STS actions keysweep calls: who am I, and into each member account. */
export const STS_REQUIRED_ACTIONS = ['sts:GetCallerIdentity', 'sts:AssumeRole'] as const;
