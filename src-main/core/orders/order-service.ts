// What the API handlers call for orders: decode and check the photo, run the operation with the
// operator's roles as their session has them now, and answer with the order as the screens show it.
import type { MethodParsedInput } from '../../../src-shared/api/methods';
import type { OrderDetail } from '../../../src-shared/api/methods/orders';
import type { Role } from '../../../src-shared/domain/roles';
import { inspectPhoto } from '../../../src-shared/domain/photo';
import { acceptPhoto } from '../holders/photo';
import type { Random } from '../ops/context';
import { DomainError } from '../ops/domain-error';
import type { OperationRunner } from '../ops/operations';
import type { Db } from '../store/database';
import { approveOrder } from './operations/approve-order';
import { cancelOrder } from './operations/cancel-order';
import { placeOrder } from './operations/place-order';
import { rejectOrder } from './operations/reject-order';
import { DEFAULT_ORDER_SETTINGS, type OrderSettings } from './order-settings';
import { createOrderViews } from './order-views';
import { ID06_MAX_YEARS } from '../../../src-shared/domain/order-rules';

/** Who is asking: the session's operator and their roles as their record is now. */
export interface Asker {
  operatorId: string;
  roles: readonly Role[];
}

export interface OrderServiceDeps {
  db: Db;
  ops: OperationRunner;
  random: Random;
  deskId: string;
  settings?: Partial<OrderSettings>;
  /**
   * Called after an approval has committed, with the mobile visual IDs it created (the invitation
   * e-mail goes out from there). A failure there never undoes the approval.
   */
  onMobileIdsCreated?: (cardIds: string[]) => void | Promise<void>;
  logError?: (message: string, error: unknown) => void;
}

export function createOrderService(deps: OrderServiceDeps) {
  const { db, ops } = deps;
  const settings: OrderSettings = { ...DEFAULT_ORDER_SETTINGS, ...deps.settings };
  const views = createOrderViews(db);

  function detailOrThrow(id: string, asker: Asker): OrderDetail {
    const detail = views.detail(id, asker.operatorId, asker.roles);
    if (!detail) throw new DomainError('not_found', 'No such order.');
    return detail;
  }

  function announceMobileIds(cardIds: string[]): void {
    if (cardIds.length === 0 || !deps.onMobileIdsCreated) return;
    const report = (error: unknown) => deps.logError?.('the new mobile IDs could not be announced', error);
    try {
      void Promise.resolve(deps.onMobileIdsCreated(cardIds)).catch(report);
    } catch (error) {
      report(error);
    }
  }

  return {
    rules() {
      return {
        photoMaxAgeMonths: settings.photoMaxAgeMonths,
        accessCardMaxYears: settings.accessCardMaxYears,
        id06MaxYears: ID06_MAX_YEARS,
        cardNumberPrefix: settings.cardNumberPrefix,
      };
    },
    place(input: MethodParsedInput<'orders.place'>, asker: Asker): OrderDetail {
      const photo = acceptPhoto(input.photo);
      const size = inspectPhoto(photo.bytes);
      if (!size.ok)
        throw new DomainError('photo_not_image', size.message, [{ path: 'photo', message: size.message }]);
      const id = ops.run(
        placeOrder,
        {
          input,
          photo: { ...photo, width: size.width, height: size.height },
          settings,
          actors: asker.roles,
          operatorId: asker.operatorId,
          deskId: deps.deskId,
        },
        asker.operatorId,
      );
      return detailOrThrow(id, asker);
    },
    list(input: MethodParsedInput<'orders.list'>, asker: Asker) {
      const { page = 0, pageSize = 25, ...filter } = input;
      return views.list(filter, asker.operatorId, page, pageSize);
    },
    get(id: string, asker: Asker): OrderDetail {
      return detailOrThrow(id, asker);
    },
    photo(id: string) {
      const photo = views.photo(id);
      if (!photo) throw new DomainError('not_found', 'No such order.');
      return photo;
    },
    approve(id: string, asker: Asker): OrderDetail {
      const made = ops.run(
        approveOrder,
        {
          orderId: id,
          actors: asker.roles,
          operatorId: asker.operatorId,
          cardNumberPrefix: settings.cardNumberPrefix,
          random: deps.random,
        },
        asker.operatorId,
      );
      announceMobileIds(made.mobileCardId ? [made.mobileCardId] : []);
      return detailOrThrow(id, asker);
    },
    reject(id: string, reason: string, asker: Asker): OrderDetail {
      ops.run(
        rejectOrder,
        { orderId: id, reason, actors: asker.roles, operatorId: asker.operatorId },
        asker.operatorId,
      );
      return detailOrThrow(id, asker);
    },
    cancel(id: string, note: string | null, asker: Asker): OrderDetail {
      ops.run(
        cancelOrder,
        { orderId: id, note, actors: asker.roles, operatorId: asker.operatorId },
        asker.operatorId,
      );
      return detailOrThrow(id, asker);
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
