// The console's words, in one bundle per language (English first). Pages look strings up with H.t('key', args...);
// {0}, {1} ... are replaced by the arguments. Add a language as another object keyed by its tag.
'use strict';
window.HM_STRINGS = {
  en: {
    'nav.dashboard': 'Dashboard', 'nav.generate': 'Generate', 'nav.check': 'Check a text', 'nav.review': 'Review queue',
    'nav.content': 'Content', 'nav.kb': 'Knowledge base', 'nav.plugins': 'Plugins', 'nav.policies': 'Policies',
    'nav.audit': 'Audit', 'nav.access': 'Access', 'nav.api': 'API', 'nav.menu': 'Menu',
    'user.signOut': 'Sign out', 'user.changePassword': 'Change password',
    'password.title': 'Choose a new password',
    'password.forced': 'You signed in with a one-time password. It does not work again: choose your own password '
      + 'to continue.',
    'password.voluntary': 'Your other sessions end when the password changes; this one stays signed in.',
    'password.current': 'Current password', 'password.new': 'New password (12 characters or more)',
    'password.repeat': 'New password again', 'password.submit': 'Change password',
    'password.mismatch': 'The two new passwords differ.',
    'password.changed': 'Password changed; {0} other session(s) ended.',
    'table.empty': 'Nothing here yet.',
    'pager.previous': 'Previous', 'pager.next': 'Next', 'pager.page': 'Page {0} of {1} ({2} in all)',
    'json.show': 'Show raw JSON', 'json.hide': 'Hide raw JSON',
    'decision.APPROVED': 'Approved', 'decision.NEEDS_REVIEW': 'Needs review', 'decision.REJECTED': 'Rejected',
    'decision.PENDING': 'Pending', 'decision.FAILED': 'Failed', 'decision.REVISE': 'Revise',
    'decision.APPROVE': 'Approve', 'decision.REJECT': 'Reject', 'decision.REDACT': 'Redact',
    'verdict.legend': 'Claims:', 'verdict.supported': 'supported by the knowledge base',
    'verdict.refuted': 'refuted by the knowledge base', 'verdict.unverified': 'not enough evidence',
    'decided.by': 'Decided by rule {0} of policy {1}', 'decided.default': 'No rule fired: the policy {0}\'s default',
    'decided.metric': '{0} {1} {2} (was {3})',
    'scores.metric': 'Metric', 'scores.value': 'Score', 'scores.deciding': 'decided',
  },
};
