/**
 * Rule messages by id with data (ESLint's `messageId` + `data`): a rule declares its message texts once, with
 * `{placeholder}`s, and reports `fail(arn, { messageId, data })`; the engine renders the text here. Values are
 * inserted as they are: escaping is the reporters' business (each escapes for its own format).
 */

/** A rule's messages: id → text with `{name}` placeholders (names are letters and digits). */
export type RuleMessages<Id extends string = string> = Readonly<Record<Id, string>>;

/** The values of a message's placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names of a message text, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** A rule reported a message it does not declare, or left a placeholder without data: a bug in the rule. */
export class RuleMessageError extends Error {}

/**
 * A message text cut at its placeholders, once per text: even indexes are text, odd ones placeholder names.
 * Rendering ~400k findings then concatenates parts instead of running a replace with a callback per message.
 */
type CompiledMessage = readonly string[];
const compiledMessages = new Map<string, CompiledMessage>();

function compileMessage(text: string): CompiledMessage {
  let parts = compiledMessages.get(text);
  if (!parts) {
    parts = text.split(/\{([A-Za-z][A-Za-z0-9]*)\}/);
    compiledMessages.set(text, parts);
  }
  return parts;
}

/** The text of `messageId` with its placeholders filled from `data`; throws on an undeclared id or missing data. */
export function renderMessage(
  ruleId: string,
  messages: RuleMessages,
  messageId: string,
  data: MessageData | undefined,
): string {
  const text = Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
  if (text === undefined)
    throw new RuleMessageError(`rule ${ruleId} reports message ${messageId}, which it does not declare`);
  const parts = compileMessage(text);
  let rendered = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = data && Object.hasOwn(data, name) ? data[name] : undefined;
    if (value === undefined)
      throw new RuleMessageError(`rule ${ruleId}: message ${messageId} has no data for {${name}}`);
    rendered += String(value) + parts[i + 1]!;
  }
  return rendered;
}
