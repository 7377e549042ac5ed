// The operations console: a hash-routed page over /api, refreshed by server-sent events.
// Every request goes through api() (session.js), which sends the API key the person signed in with.
import { rememberReviewer } from './actions.js';
import { showAgreement, showAgreements } from './agreement-pages.js';
import { showAlerts } from './alerts-page.js';
import { showDeadlines } from './deadlines-page.js';
import { listen, wake } from './live-updates.js';
import { showReviews } from './reviews-page.js';
import { followHash, route, startRouter } from './router.js';
import { hasKey, onSignIn, showSignIn } from './session.js';
import { showUpload } from './upload-page.js';

startRouter({
  agreement: showAgreement,
  agreements: showAgreements,
  alerts: showAlerts,
  reviews: showReviews,
  upload: showUpload,
  deadlines: showDeadlines,
});
onSignIn(() => {
  void route();
  wake();
});
window.addEventListener('hashchange', followHash);
rememberReviewer();
if (hasKey()) void route();
else showSignIn(null);
void listen();
