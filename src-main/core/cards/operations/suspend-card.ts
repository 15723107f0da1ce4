// cards.suspend: a card administrator pauses an active card, with a reason; cards.resume undoes it.
import { stateChange } from '../state-change';

export const suspendCard = stateChange('card.suspend', 'suspend');
