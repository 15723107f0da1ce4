// Errors at the fields they belong to. Issues come from the core (`error.issues[].path`) or from the
// same zod schemas run here before sending; each is shown in the operator's language when a
// translation exists (`fields.<field>.<code>`, `errors.<code>`, `fields.<field>.invalid`).
import { reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError, ErrorCode, FieldIssue } from '../../src-shared/api/result';

export function useFieldErrors<F extends string>(fields: readonly F[]) {
  const { t, te } = useI18n();
  // Plain strings inside: the reactive proxy has exactly this shape.
  const errors = reactive({}) as Partial<Record<F, string>>;
  const formError = ref<string | null>(null);

  function isField(name: string): name is F {
    return (fields as readonly string[]).includes(name);
  }

  function messageFor(field: F, code: ErrorCode, fallback: string): string {
    if (te(`fields.${field}.${code}`)) return t(`fields.${field}.${code}`);
    if (code !== 'bad_request' && te(`errors.${code}`)) return t(`errors.${code}`);
    if (te(`fields.${field}.invalid`)) return t(`fields.${field}.invalid`);
    return fallback;
  }

  function clear(): void {
    for (const field of fields) delete errors[field];
    formError.value = null;
  }

  function setIssues(code: ErrorCode, issues: readonly FieldIssue[]): boolean {
    let placed = false;
    for (const issue of issues) {
      const field = issue.path.split('.')[0] ?? '';
      if (isField(field) && errors[field] === undefined) {
        errors[field] = messageFor(field, code, issue.message);
        placed = true;
      }
    }
    return placed;
  }

  /** Shows an API error: at its fields when it names them, else as one message for the form. */
  function show(error: ApiError): void {
    clear();
    const placed = setIssues(error.code, error.issues ?? []);
    if (!placed) formError.value = t(`errors.${error.code}`);
  }

  function set(field: F, message: string): void {
    errors[field] = message;
  }

  /** A field's error goes away as soon as the operator changes that field. */
  function clearOnInput(form: Partial<Record<F, unknown>>): void {
    for (const field of fields) {
      if (field in form) {
        watch(
          () => form[field],
          () => delete errors[field],
          { deep: true },
        );
      }
    }
  }

  const hasErrors = () => formError.value !== null || fields.some((f) => errors[f] !== undefined);

  return { errors, formError, clear, show, set, setIssues, hasErrors, clearOnInput };
}
