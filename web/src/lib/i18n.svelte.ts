import type { TLocale, TLocalizedText } from '@boucle/shared';

const LOCALE_KEY = 'boucle.locale';

const messages = {
  fr: {
    'app.tagline': 'La boucle de retour de vos itérations',
    'nav.pulse': 'Pulse',
    'nav.steering': 'Pilotage',
    'nav.signOut': 'Se déconnecter',
    'language.switch': 'English',
    'language.label': 'Passer en anglais',
    loading: 'Chargement…',
    retry: 'Réessayer',
    'signin.title': 'Se connecter',
    'signin.intro': 'Démo locale : choisissez un membre de l’organisation pour vous connecter.',
    'signin.hosted': 'Connectez-vous avec le compte de votre entreprise.',
    'signin.hostedButton': 'Se connecter',
    'signin.filter': 'Filtrer par nom, e-mail ou équipe',
    'signin.steering': 'Groupe de pilotage',
    'signin.ambassadors': 'Ambassadeurs',
    'signin.employees': 'Collaborateurs',
    'signin.none': 'Aucun membre ne correspond.',
    'signin.empty': 'Aucun membre dans l’annuaire. Importez un annuaire ou relancez `npm start`.',
    'signin.more': 'autres — affinez le filtre',
    'pulse.title': 'Pulse de l’itération',
    'pulse.intro':
      'Moins d’une minute. Vos réponses sont anonymes : elles sont enregistrées sans votre nom, seulement avec votre équipe, votre site et votre niveau.',
    'pulse.none': 'Aucune itération n’est ouverte pour le moment. Revenez à la prochaine !',
    'pulse.submit': 'Envoyer mes réponses',
    'pulse.sending': 'Envoi…',
    'pulse.required': 'Réponse requise',
    'pulse.optional': 'facultatif',
    'pulse.fix': 'Certaines réponses sont à compléter :',
    'pulse.already': 'Vous avez déjà répondu à ce pulse.',
    'pulse.chars': 'caractères restants',
    'pulse.enpsLow': 'Pas du tout probable',
    'pulse.enpsHigh': 'Très probable',
    'pulse.multipleHint': 'Plusieurs réponses possibles',
    'receipt.title': 'Merci, votre réponse est enregistrée',
    'receipt.body': 'Vous avez répondu au pulse de « {iteration} » le {day}.',
    'receipt.anonymous':
      'Ce reçu prouve que vous avez répondu. Il ne contient pas vos réponses, et personne ne peut le relier à elles.',
    'receipt.none': 'Vous n’avez pas encore répondu au pulse en cours.',
    'receipt.answer': 'Répondre au pulse',
    'steering.title': 'Pilotage',
    'steering.iteration': 'Itération',
    'steering.breakdown': 'Détail par',
    'steering.overall': 'Ensemble',
    'steering.participation': 'Participation',
    'steering.respondents': 'répondants',
    'steering.members': 'membres',
    'steering.withheld': 'Masqué (moins de {k} répondants)',
    'steering.withheldAll':
      'Moins de {k} répondants : aucun résultat n’est affiché pour protéger l’anonymat.',
    'steering.mean': 'Moyenne',
    'steering.enps': 'eNPS',
    'steering.ci': 'IC 95 %',
    'steering.answers': 'réponses',
    'steering.textAnswers': 'commentaires libres',
    'steering.notStarted': 'Cette itération n’est pas encore ouverte.',
    'steering.group': 'Groupe',
    'steering.byDay': 'Réponses par jour',
    'form.required': 'À renseigner',
    'form.date': 'Date attendue (AAAA-MM-JJ)',
    'form.endBeforeStart': 'La fin doit suivre le début',
    'iterations.title': 'Itérations',
    'iterations.link': 'Itérations',
    'iterations.empty': 'Aucune itération pour l’instant : créez la première ci-dessous.',
    'iterations.dates': 'du {start} au {end}',
    'iterations.noPulse': 'sans pulse',
    'iterations.setPulse': 'Utiliser le pulse par défaut',
    'iterations.open': 'Ouvrir',
    'iterations.close': 'Clôturer',
    'iterations.review': 'Marquer comme revue',
    'iterations.confirmOpen':
      'Ouvrir « {name} » ? Le pulse ne pourra plus changer et les membres pourront répondre.',
    'iterations.confirmClose': 'Clôturer « {name} » ? Plus personne ne pourra répondre.',
    'iterations.confirmReview': 'Marquer « {name} » comme revue ?',
    'iterations.new': 'Nouvelle itération',
    'iterations.name': 'Nom',
    'iterations.start': 'Début',
    'iterations.end': 'Fin',
    'iterations.goals': 'Objectifs (un par ligne)',
    'iterations.create': 'Créer le brouillon',
    'iterations.created': '« {name} » est créée en brouillon, avec le pulse par défaut.',
    'roster.title': 'Annuaire des membres',
    'roster.link': 'Annuaire',
    'roster.current': 'membres dans l’annuaire',
    'roster.intro':
      'Importez la liste complète des membres (CSV : email, name, team, site, trainingLevel, ambassador, role). Elle remplace l’annuaire actuel ; un fichier avec une erreur n’est pas importé du tout.',
    'roster.file': 'Fichier CSV',
    'roster.import': 'Importer',
    'roster.importing': 'Import…',
    'roster.confirm': 'Remplacer l’annuaire de {count} membres par ce fichier ?',
    'roster.done': '{count} membres importés.',
    'roster.errors': 'Le fichier n’a pas été importé :',
    'status.draft': 'brouillon',
    'status.open': 'ouverte',
    'status.closed': 'clôturée',
    'status.reviewed': 'revue',
    'dimension.team': 'Équipe',
    'dimension.site': 'Site',
    'dimension.trainingLevel': 'Niveau de formation',
    'dimension.ambassador': 'Ambassadeur',
    'value.yes': 'oui',
    'value.no': 'non',
    'value.beginner': 'débutant',
    'value.confirmed': 'confirmé',
    'value.advanced': 'approfondi',
  },
  en: {
    'app.tagline': 'The feedback loop of your iterations',
    'nav.pulse': 'Pulse',
    'nav.steering': 'Steering',
    'nav.signOut': 'Sign out',
    'language.switch': 'Français',
    'language.label': 'Switch to French',
    loading: 'Loading…',
    retry: 'Try again',
    'signin.title': 'Sign in',
    'signin.intro': 'Local demo: pick a member of the organisation to sign in as.',
    'signin.hosted': 'Sign in with your company account.',
    'signin.hostedButton': 'Sign in',
    'signin.filter': 'Filter by name, e-mail or team',
    'signin.steering': 'Steering group',
    'signin.ambassadors': 'Ambassadors',
    'signin.employees': 'Employees',
    'signin.none': 'No member matches.',
    'signin.empty': 'The directory is empty. Import a roster or restart `npm start`.',
    'signin.more': 'more — narrow the filter',
    'pulse.title': 'Iteration pulse',
    'pulse.intro':
      'Under a minute. Your answers are anonymous: they are stored without your name, only with your team, site and level.',
    'pulse.none': 'No iteration is open right now. See you at the next one!',
    'pulse.submit': 'Send my answers',
    'pulse.sending': 'Sending…',
    'pulse.required': 'An answer is required',
    'pulse.optional': 'optional',
    'pulse.fix': 'Some answers need your attention:',
    'pulse.already': 'You have already answered this pulse.',
    'pulse.chars': 'characters left',
    'pulse.enpsLow': 'Not at all likely',
    'pulse.enpsHigh': 'Extremely likely',
    'pulse.multipleHint': 'Choose all that apply',
    'receipt.title': 'Thank you, your answer is recorded',
    'receipt.body': 'You answered the pulse of “{iteration}” on {day}.',
    'receipt.anonymous':
      'This receipt proves you answered. It does not hold your answers, and nobody can link it to them.',
    'receipt.none': 'You have not answered the current pulse yet.',
    'receipt.answer': 'Answer the pulse',
    'steering.title': 'Steering',
    'steering.iteration': 'Iteration',
    'steering.breakdown': 'Break down by',
    'steering.overall': 'Overall',
    'steering.participation': 'Participation',
    'steering.respondents': 'respondents',
    'steering.members': 'members',
    'steering.withheld': 'Withheld (fewer than {k} respondents)',
    'steering.withheldAll': 'Fewer than {k} respondents: no result is shown, to protect anonymity.',
    'steering.mean': 'Mean',
    'steering.enps': 'eNPS',
    'steering.ci': '95% CI',
    'steering.answers': 'answers',
    'steering.textAnswers': 'free-text comments',
    'steering.notStarted': 'This iteration has not opened yet.',
    'steering.group': 'Group',
    'steering.byDay': 'Responses per day',
    'form.required': 'Required',
    'form.date': 'A date is expected (YYYY-MM-DD)',
    'form.endBeforeStart': 'The end must come after the start',
    'iterations.title': 'Iterations',
    'iterations.link': 'Iterations',
    'iterations.empty': 'No iteration yet: create the first one below.',
    'iterations.dates': 'from {start} to {end}',
    'iterations.noPulse': 'no pulse',
    'iterations.setPulse': 'Use the default pulse',
    'iterations.open': 'Open',
    'iterations.close': 'Close',
    'iterations.review': 'Mark as reviewed',
    'iterations.confirmOpen':
      'Open “{name}”? Its pulse can no longer change and members can answer.',
    'iterations.confirmClose': 'Close “{name}”? Nobody will be able to answer any more.',
    'iterations.confirmReview': 'Mark “{name}” as reviewed?',
    'iterations.new': 'New iteration',
    'iterations.name': 'Name',
    'iterations.start': 'Start',
    'iterations.end': 'End',
    'iterations.goals': 'Goals (one per line)',
    'iterations.create': 'Create the draft',
    'iterations.created': '“{name}” is created as a draft, with the default pulse.',
    'roster.title': 'Member directory',
    'roster.link': 'Directory',
    'roster.current': 'members in the directory',
    'roster.intro':
      'Import the full list of members (CSV: email, name, team, site, trainingLevel, ambassador, role). It replaces the current directory; a file with any error is not imported at all.',
    'roster.file': 'CSV file',
    'roster.import': 'Import',
    'roster.importing': 'Importing…',
    'roster.confirm': 'Replace the directory of {count} members with this file?',
    'roster.done': '{count} members imported.',
    'roster.errors': 'The file was not imported:',
    'status.draft': 'draft',
    'status.open': 'open',
    'status.closed': 'closed',
    'status.reviewed': 'reviewed',
    'dimension.team': 'Team',
    'dimension.site': 'Site',
    'dimension.trainingLevel': 'Training level',
    'dimension.ambassador': 'Ambassador',
    'value.yes': 'yes',
    'value.no': 'no',
    'value.beginner': 'beginner',
    'value.confirmed': 'confirmed',
    'value.advanced': 'advanced',
  },
} satisfies Record<TLocale, Record<string, string>>;

export type TMessageKey = keyof (typeof messages)['en'];

function initialLocale(): TLocale {
  if (typeof localStorage === 'undefined') return 'fr';
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export const i18n = $state<{ locale: TLocale }>({ locale: initialLocale() });

export function setLocale(locale: TLocale): void {
  i18n.locale = locale;
  localStorage.setItem(LOCALE_KEY, locale);
  document.documentElement.lang = locale;
}

/** The message in the current language, with `{name}` placeholders filled in. */
export function t(key: TMessageKey, values: Record<string, string | number> = {}): string {
  return messages[i18n.locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}

/** A text stored in both languages, in the current one. */
export function local(text: TLocalizedText): string {
  return text[i18n.locale];
}

/** Segment values the app knows (levels, yes/no) translated; team and site names as they are. */
export function segmentValue(value: string): string {
  const key = `value.${value}`;
  return key in messages.en ? t(key as TMessageKey) : value;
}

/** A shared-schema problem in the current language, for the fields of steering forms. */
export function formMessage(issue: { code: string; path: PropertyKey[]; message: string }): string {
  if (issue.path[0] === 'endDate' && issue.code === 'custom') return t('form.endBeforeStart');
  if (issue.code === 'invalid_format' && String(issue.path[0]).endsWith('Date'))
    return t('form.date');
  if (issue.code === 'too_small' || issue.code === 'invalid_type') return t('form.required');
  return issue.message;
}

export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
