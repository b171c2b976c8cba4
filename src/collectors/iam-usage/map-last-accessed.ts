import type { ServiceLastAccessed } from '@aws-sdk/client-iam';
import type { ServiceUsage } from '../../inventory/iam-usage-schema.js';

const isoOf = (date: Date | undefined) => (date ? date.toISOString() : null);

/**
 * One service of a GetServiceLastAccessedDetails answer. The answer lists every service the
 * principal's policies allow; action-level data comes only for the services AWS tracks at action
 * level, which the answer itself says (TrackedActionsLastAccessed present), so no list is kept here.
 */
export function mapServiceLastAccessed(service: ServiceLastAccessed): ServiceUsage {
  const namespace = service.ServiceNamespace ?? '';
  const tracked = service.TrackedActionsLastAccessed;
  return {
    namespace,
    name: service.ServiceName ?? null,
    lastAccessed: isoOf(service.LastAuthenticated),
    region: service.LastAuthenticatedRegion ?? null,
    actions: tracked
      ? tracked
          .map((action) => ({
            action: qualified(namespace, action.ActionName ?? ''),
            lastAccessed: isoOf(action.LastAccessedTime),
            region: action.LastAccessedRegion ?? null,
          }))
          .sort((a, b) => a.action.localeCompare(b.action))
      : null,
  };
}

// AWS names tracked actions without their prefix in some answers (GetObject) and with it in others.
function qualified(namespace: string, action: string): string {
  return action.includes(':') ? action : `${namespace}:${action}`;
}
