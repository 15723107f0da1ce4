import type { OrderState } from '../../../../src-shared/domain/order-rules';

type Severity = 'info' | 'success' | 'danger' | 'secondary' | 'warn';

/** How an order's state looks wherever it is shown. */
export const ORDER_STATE_SEVERITY: Record<OrderState, Severity> = {
  ordered: 'warn',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'secondary',
};
