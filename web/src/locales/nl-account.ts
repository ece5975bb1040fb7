import type { accountEn } from './en-account.js';

/** De woorden van de console voor iemands eigen account: wachtwoord en e-mailadres, in het Nederlands. */
export const accountNl: typeof accountEn = {
  account: {
    nav: 'Mijn account',
    title: 'Mijn account',
    intro: 'Uw wachtwoord en uw e-mailadres zijn alleen van u: niemand anders stelt ze in of ziet ze.',
    password: {
      title: 'Mijn wachtwoord wijzigen',
      current: 'Huidig wachtwoord',
      next: 'Nieuw wachtwoord',
      nextHint: 'Ten minste 12 tekens. Uw andere sessies eindigen zodra het wijzigt.',
      again: 'Het nieuwe wachtwoord nogmaals',
      differ: 'De twee nieuwe wachtwoorden verschillen.',
      submit: 'Mijn wachtwoord wijzigen',
      done: 'Uw wachtwoord is gewijzigd. Uw andere sessies zijn beëindigd.',
    },
    email: {
      title: 'Mijn e-mailadres wijzigen',
      current: 'Nu: {{email}}',
      next: 'Nieuw e-mailadres',
      password: 'Uw wachtwoord',
      passwordHint: 'Om te tonen dat u het zelf vraagt.',
      submit: 'Stuur een bevestiging naar het nieuwe adres',
      sent: 'Er is een link onderweg naar {{email}}. Uw adres wijzigt zodra u die opent; tot dan verandert er niets.',
    },
    setPassword: {
      title: 'Kies uw wachtwoord',
      intro: 'Kies het wachtwoord waarmee u inlogt. Niemand anders kent of kiest het, ook de beheerder niet.',
      next: 'Wachtwoord',
      nextHint: 'Ten minste 12 tekens.',
      again: 'Het wachtwoord nogmaals',
      differ: 'De twee wachtwoorden verschillen.',
      submit: 'Mijn wachtwoord opslaan',
      noLink: 'Deze pagina opent vanuit de link in uw uitnodiging of herstelmail.',
      newLink: 'Vraag een nieuwe link aan',
    },
    forgot: {
      link: 'Wachtwoord vergeten?',
      title: 'Wachtwoord vergeten',
      intro:
        'Geef het e-mailadres waarmee u inlogt. Heeft het een account, dan krijgt het een link om een nieuw wachtwoord te kiezen; de link werkt één keer, binnen het uur.',
      email: 'E-mailadres',
      submit: 'Stuur mij een link',
      sent: 'Heeft dit adres een account, dan is er een link onderweg om een wachtwoord te kiezen. Kijk in uw mailbox.',
    },
    confirmEmail: {
      title: 'Bevestig uw nieuwe e-mailadres',
      intro:
        'Open deze pagina vanuit de link die naar uw nieuwe adres is gestuurd, en bevestig: vanaf dan logt u ermee in.',
      submit: 'Mijn nieuwe adres bevestigen',
      done: 'Uw account logt voortaan in met {{email}}. Uw oude adres is ingelicht.',
      noLink: 'Deze pagina opent vanuit de link die naar uw nieuwe adres is gestuurd.',
    },
  },
  people: {
    status: 'Account',
    statuses: {
      invited: 'Uitgenodigd, tot {{until}}',
      invitedExpired: 'Uitnodiging verlopen',
      active: 'Actief',
      disabled: 'Uitgeschakeld',
    },
    actions: 'Acties',
    resend: 'Uitnodiging opnieuw sturen',
    forceReset: 'Nieuw wachtwoord eisen',
    disable: 'Uitschakelen',
    enable: 'Inschakelen',
    resent: 'De uitnodiging aan {{name}} is opnieuw verstuurd; de vorige link werkt niet meer.',
    reset:
      '{{name}} moet een nieuw wachtwoord kiezen: de link ging naar het eigen adres, en de sessies zijn beëindigd.',
    disabled: 'Het account van {{name}} is uitgeschakeld; de sessies zijn beëindigd.',
    enabled: 'Het account van {{name}} is ingeschakeld.',
    invitation:
      'Er gaat een uitnodiging naar het adres van de persoon: die kiest zelf een wachtwoord. U stelt het nooit in en ziet het nooit.',
  },
};
