// The subject's state machine is clinical data (src/clinical/subject), read by the server's status route
// and by the subject page alike; the server's modules import it from here.
export { ENROLLED_STATUSES, SUBJECT_STATUS_MOVES, SUBJECT_STATUSES } from '../clinical/index.js';
