// An API error in the operator's words: `errors.<code>` with its params, where a param that is itself a
// code (a card state, a block reason, a lifecycle action) is first put into words too.
import type { ApiError } from '../../src-shared/api/result';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** Params whose values are codes with their own messages; states and actions read mid-sentence. */
const CODED_PARAMS: Record<string, { prefix: string; midSentence: boolean }> = {
  state: { prefix: 'cards.state', midSentence: true },
  blockReason: { prefix: 'cards.blockReason', midSentence: false },
  action: { prefix: 'cards.action', midSentence: true },
};

export function errorText(
  t: Translate,
  te: Exists,
  error: Pick<ApiError, 'code' | 'message' | 'params'>,
): string {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    const coded = CODED_PARAMS[name];
    const key = coded ? `${coded.prefix}.${String(value)}` : null;
    if (coded && key && te(key)) {
      const words = t(key);
      params[name] = coded.midSentence ? words.toLocaleLowerCase() : words;
    } else {
      params[name] = value;
    }
  }
  return te(`errors.${error.code}`) ? t(`errors.${error.code}`, params) : error.message;
}
