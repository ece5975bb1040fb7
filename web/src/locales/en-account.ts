/** The console's words for a person's own account: their password, their address, in English. */
export const accountEn = {
  account: {
    nav: 'My account',
    title: 'My account',
    intro: 'Your password and your e-mail address are yours alone: nobody else sets or sees them.',
    password: {
      title: 'Change my password',
      current: 'Current password',
      next: 'New password',
      nextHint: 'At least 12 characters. Your other sessions end when it changes.',
      again: 'The new password again',
      differ: 'The two new passwords differ.',
      submit: 'Change my password',
      done: 'Your password is changed. Your other sessions have ended.',
    },
    email: {
      title: 'Change my e-mail address',
      current: 'Now: {{email}}',
      next: 'New e-mail address',
      password: 'Your password',
      passwordHint: 'To show that it is you who asks.',
      submit: 'Send a confirmation to the new address',
      sent: 'A link is on its way to {{email}}. Your address changes once you open it; until then, nothing changes.',
    },
    setPassword: {
      title: 'Choose your password',
      intro:
        'Choose the password you will sign in with. Nobody else knows or chooses it, not even the administrator.',
      next: 'Password',
      nextHint: 'At least 12 characters.',
      again: 'The password again',
      differ: 'The two passwords differ.',
      submit: 'Save my password',
      noLink: 'This page opens from the link in your invitation or reset e-mail.',
      newLink: 'Ask for a new link',
    },
    forgot: {
      link: 'Forgot your password?',
      title: 'Forgot your password',
      intro:
        'Give the e-mail address you sign in with. If it has an account, a link to choose a new password is sent to it; the link works once, within the hour.',
      email: 'E-mail address',
      submit: 'Send me a link',
      sent: 'If this address has an account, a link to choose a password is on its way. Look in your mailbox.',
    },
    confirmEmail: {
      title: 'Confirm your new e-mail address',
      intro:
        'Open this page from the link sent to your new address, then confirm: from then on you sign in with it.',
      submit: 'Confirm my new address',
      done: 'Your account now signs in with {{email}}. Your old address has been told.',
      noLink: 'This page opens from the link sent to your new address.',
    },
  },
  people: {
    status: 'Account',
    statuses: {
      invited: 'Invited, until {{until}}',
      invitedExpired: 'Invitation expired',
      active: 'Active',
      disabled: 'Disabled',
    },
    actions: 'Actions',
    resend: 'Send the invitation again',
    forceReset: 'Require a new password',
    disable: 'Disable',
    enable: 'Enable',
    resent: 'The invitation to {{name}} was sent again; the earlier link no longer works.',
    reset:
      '{{name}} must choose a new password: the link went to their own address, and their sessions ended.',
    disabled: 'The account of {{name}} is disabled; their sessions ended.',
    enabled: 'The account of {{name}} is enabled.',
    invitation:
      'An invitation goes to the person’s address: they choose their own password. You never set or see it.',
  },
};
