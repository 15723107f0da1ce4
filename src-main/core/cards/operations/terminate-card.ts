// cards.terminate: final. A card that never reached its holder ends this way (it is never blocked).
import { stateChange } from '../state-change';

export const terminateCard = stateChange('card.terminate', 'terminate');
