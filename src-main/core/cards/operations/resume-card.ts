// cards.resume: a suspended card is active again.
import { stateChange } from '../state-change';

export const resumeCard = stateChange('card.resume', 'resume');
