import type { CollectionError } from '../../inventory/collection.js';

/** Codes meaning the endpoint does not have the API (an emulator, an older partition): never an answer. */
const NOT_IMPLEMENTED = new Set([
  'NotImplementedByEndpoint',
  'UnknownOperationException',
  'UnknownOperation',
  'NotImplemented',
  'InvalidAction',
]);

/** Whether an error says the endpoint lacks the operation (the slice is then "not collected", never empty). */
export function endpointLacksApi({ code, message }: CollectionError): boolean {
  return NOT_IMPLEMENTED.has(code) || /not (yet )?implemented/i.test(message);
}
