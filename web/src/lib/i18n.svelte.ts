import { POOLED, type TLocale, type TLocalizedText, type TSegmentDimension } from '@boucle/shared';
import { z } from 'zod';
import { en as zodEn, fr as zodFr } from 'zod/locales';
import type { TProblemCode } from './api';
import type { TSignInProblem } from './hosted-signin';

const LOCALE_KEY = 'boucle.locale';

const en = {
  'app.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.pulse': 'Pulse',
  'nav.steering': 'Steering',
  'nav.signOut': 'Sign out',
  'nav.privacy': 'Privacy',
  // Shown in its own language, so the button's name is the word the member reads.
  'language.switch': 'Français',
  loading: 'Loading…',
  retry: 'Try again',
  'error.title': 'Something went wrong',
  'error.forbiddenTitle': 'Steering group only',
  'error.notFoundTitle': 'Page not found',
  'error.signInTitle': 'Sign-in failed',
  'error.home': 'Back to the home page',
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
    'Under a minute. Your answers are anonymous: they are kept only with your team, site, training level and ambassador flag (fewer details when too few members share them), never with your name, the day or the time.',
  'pulse.none': 'No iteration is open right now. See you at the next one!',
  'pulse.submit': 'Send my answers',
  'pulse.sending': 'Sending…',
  'pulse.required': 'An answer is required',
  'pulse.optional': 'optional',
  'pulse.fix': 'Some answers need your attention:',
  'pulse.chars': 'characters left',
  'pulse.nearLimit': 'Fewer than {count} characters left',
  'pulse.limitReached': 'Character limit reached',
  'pulse.enpsLow': 'Not at all likely',
  'pulse.enpsHigh': 'Extremely likely',
  'pulse.multipleHint': 'Choose all that apply',
  'receipt.pageTitle': 'Receipt',
  'receipt.title': 'Thank you, your answer is recorded',
  'receipt.body': 'You answered the pulse of “{iteration}” on {day}.',
  'receipt.anonymous':
    'This receipt proves that you answered, and on which day. It does not hold your answers, and nobody can link it to them.',
  'receipt.none': 'You have not answered the current pulse yet.',
  'receipt.answer': 'Answer the pulse',
  'steering.empty': 'No iteration yet.',
  'steering.createFirst': 'Create the first one',
  'steering.iteration': 'Iteration',
  'steering.breakdown': 'Break down by',
  'steering.overall': 'Overall',
  'steering.participation': 'Participation',
  'steering.respondents': 'respondents',
  'steering.members': 'members',
  'steering.withheld': 'Withheld (fewer than {k} respondents)',
  'steering.withheldAll': 'Fewer than {k} respondents: no result is shown, to protect anonymity.',
  'steering.enps': 'eNPS',
  'steering.ci': '95% CI',
  'steering.answers': 'answers',
  'steering.textAnswers': 'free-text comments',
  'steering.notStarted': 'This iteration has not opened yet.',
  'steering.noPulse': 'This iteration has no pulse.',
  'steering.group': 'Group',
  'steering.byDay': 'Responses per day (days with fewer than {k} responses grouped)',
  'steering.release': 'Release {number}, made on {date} at {time}',
  'steering.releaseFinal': 'Final release, made on {date} at {time}',
  'steering.releaseRespondents': ', {count} respondents',
  'steering.noRelease': 'No release yet: figures appear once at least {k} members have answered.',
  'steering.releaseHow': 'How releases work',
  'steering.pooledNote':
    '“{label}”: members for whom this detail is not kept, as fewer than {k} members shared their team, site, level and ambassador flag.',
  'privacy.title': 'Your answers and your anonymity',
  'privacy.link': 'How your anonymity is protected',
  'privacy.intro':
    'Boucle asks for your opinion so that the steering group can improve the programme. It is built so that nobody can find out what you answered. Here is how, in plain words.',
  'privacy.storedTitle': 'What is kept with your answers',
  'privacy.stored':
    'Your answers, and your group as it was when the iteration opened: your team, your site, your training level and whether you are an ambassador.',
  'privacy.pooled':
    'If fewer than {k} members share all four, details are left out one at a time (first the ambassador flag, then the site, the training level, the team: “not disclosed”, “other sites”, “other levels”, “other teams”) until at least {k} members share what is kept.',
  'privacy.never':
    'Never your name, your e-mail, the day or the time you answered: nothing that leads back to you.',
  'privacy.receiptStored':
    'Apart from your answers, Boucle notes that you answered and on which day (your receipt), so that everyone answers once. Answers per day are kept only as a count.',
  'privacy.whoTitle': 'Who sees what',
  'privacy.whoYou': 'You: your receipt and the published results.',
  'privacy.whoAmbassadors':
    'Ambassadors: the aggregated results and trends of their own team (as it stood when each iteration opened), above the thresholds below.',
  'privacy.whoSteering': 'The steering group: aggregated results only, never one person’s answers.',
  'privacy.whoNobody':
    'Nobody (the steering group, ambassadors, the people who run the service) can see which answers are yours.',
  'privacy.thresholdsTitle': 'Thresholds',
  'privacy.thresholdFigures':
    'No figure is shown for fewer than {k} respondents. When a hidden figure could be worked out from the others by subtraction, more is hidden.',
  'privacy.thresholdSegments': 'No group shared by fewer than {k} members is shown.',
  'privacy.thresholdComments':
    'Written comments are shown only once the iteration is closed, only for groups of at least {commentK} respondents, never next to a smaller group, and never with your other answers.',
  'privacy.thresholdK':
    'These thresholds hold for everyone, the steering group included. {k} is the usual value: an organisation may choose another, never fewer than {min}.',
  'privacy.releasesTitle': 'When results are published',
  'privacy.releasesLive':
    'Results do not change live with each answer: they are published in steps, called releases. Until the first release, no figure is shown at all.',
  'privacy.releasesOpen':
    'While the pulse is open, a new release is made only when, in every group, either nobody or at least {k} more people have answered since the previous release. So comparing two releases can never single out a few people.',
  'privacy.releasesFinal': 'Closing the iteration makes the final release.',
  'privacy.receiptTitle': 'What your receipt proves',
  'privacy.receiptProves': 'It proves that you answered the pulse, and on which day.',
  'privacy.receiptNot':
    'It does not show what you answered. Nobody can link it to your answers, so nobody can make you reveal them: there is no way to look them up, not even for you.',
  'form.required': 'Required',
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
  'iterations.confirmOpen': 'Open “{name}”? Its pulse can no longer change and members can answer.',
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
  'roster.empty': 'The directory is empty: import the first roster below.',
  'roster.intro':
    'Import the full list of members (CSV: email, name, team, site, trainingLevel, ambassador, role). It replaces the current directory; a file with any error is not imported at all.',
  'roster.file': 'CSV file',
  'roster.import': 'Import',
  'roster.importing': 'Importing…',
  'roster.confirm': 'Replace the directory of {count} members with this file?',
  'roster.done': '{count} members imported.',
  'roster.errors': 'The file was not imported:',
  'roster.line': 'line {line}',
  'roster.missingColumn': 'column missing',
  'roster.sameEmail': 'same e-mail as line {line}',
  'roster.trainingLevel': 'must be beginner, confirmed or advanced',
  'roster.ambassador': 'must be yes or no',
  'roster.role': 'must be employee, ambassador or steering',
  // adoption (the social network's own figures per iteration)
  'adoption.title': 'Adoption of the network',
  'adoption.link': 'Adoption',
  'adoption.intro':
    'The social network’s own figures for each iteration, from its administration console: counts for the whole organisation, with no respondent behind them. Enter them once an iteration has run, or upload a file.',
  'adoption.empty': 'No iteration yet: figures come once the first one has run.',
  'adoption.iteration': 'Iteration',
  'adoption.registeredMembers': 'Registered members',
  'adoption.weeklyActiveMembers': 'Weekly active members',
  'adoption.contributors': 'Contributors',
  'adoption.posts': 'Posts',
  'adoption.comments': 'Comments',
  'adoption.activeShare': 'Active / registered',
  'adoption.contributorShare': 'Contributors / active',
  'adoption.none': 'No figures yet',
  'adoption.draft': 'Figures once it has run',
  'adoption.edit': 'Edit',
  'adoption.editOf': 'Edit the figures of {name}',
  'adoption.save': 'Save',
  'adoption.saving': 'Saving…',
  'adoption.cancel': 'Cancel',
  'adoption.saved': 'Figures of “{name}” saved.',
  'adoption.wholeNumber': 'Must be a whole number, 0 or more',
  'adoption.overRegistered': 'Must not exceed the registered members',
  'adoption.upload': 'Upload a CSV file',
  'adoption.uploadIntro':
    'One line per iteration, with the columns iteration (its number), registeredMembers, weeklyActiveMembers, contributors, posts and comments, or their French names (itération, inscrits, actifs hebdomadaires, contributeurs, publications, commentaires); comma or semicolon.',
  'adoption.file': 'CSV file',
  'adoption.preview': 'Check these {count} lines, then send them.',
  'adoption.send': 'Send {count} lines',
  'adoption.sending': 'Sending: {done} / {total}',
  'adoption.sent': '{count} iterations updated.',
  'adoption.fileErrors': 'Nothing was sent: the file has errors.',
  'adoption.refused': 'Some lines were refused:',
  'adoption.line': 'line {line}',
  'adoption.missingColumn': 'column missing',
  'adoption.sameIteration': 'same iteration as line {line}',
  'adoption.noSuchIteration': 'no such iteration',
  'adoption.stillDraft': 'this iteration is still a draft',
  'adoption.noLine': 'no iteration in the file',
  // review: the iteration review page and its printable pack
  'review.title': 'Iteration review',
  'review.print': 'Print the review',
  'review.printedOn': 'printed on {date}',
  'review.headlines': 'Against the previous iteration',
  'review.figure': 'Figure',
  'review.stillOpen': 'This iteration is still open: its figures move with each new release.',
  'review.previous': 'Previous iteration',
  'review.change': 'Change',
  'review.test': 'Test',
  'review.readComments': 'Read the comments',
  'review.commentsOnceClosed': 'The comments can be read once the iteration is closed.',
  'review.changeNote':
    'Change: this iteration minus the previous one (participation in percentage points). Test: whether the change is clear at the 5 % level (Welch’s t-test for a mean, a z-test for the eNPS and for participation); no test of participation while the iteration is still open.',
  'review.answers': 'Answers',
  'review.multipleNote': 'Several choices per answer: the shares can add up to more than 100 %.',
  'review.heatmap': 'Heatmap',
  'review.heatmapCaption':
    'Each {dimension} against the whole organisation: the figure, then its gap to the overall figure.',
  'review.heatmapEmpty':
    'No group to show: figures appear once at least {k} members have answered.',
  'review.cellOn': 'on {n}',
  'review.cellWithheld': 'withheld',
  'review.cellSignificant': 'significant gap',
  'review.cellPooled': 'pooled group, not tested',
  'review.legendGap':
    'Blue above the overall figure, orange below; the sign of the gap says the same.',
  'review.legendSignificant':
    'Significant gap: each group is tested against the rest of the organisation, and the {tests} tests together control the false discovery rate (Benjamini–Hochberg, q < {level}).',
  'review.legendPooled': 'Its figures are shown, but neither coloured nor tested.',
  'review.trainingTitle': 'Training demand',
  'review.trainingCaption':
    'Training needed, by the members’ training level: count (share of those who answered); — when fewer than {k} answered.',
  'review.trainingNotAsked': 'This pulse does not ask which training members need.',
  'review.answered': 'Answered',
  'review.downloadResults': 'Download the results (CSV)',
  'review.downloadHeatmap': 'Download the heatmap (CSV)',
  'review.downloadTraining': 'Download the training demand (CSV)',
  'review.downloading': 'Downloading…',
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
  'pooled.team': 'Other teams',
  'pooled.site': 'Other sites',
  'pooled.trainingLevel': 'Other levels',
  'pooled.ambassador': 'Not disclosed',
  // comments (free-text answers of closed iterations)
  'comments.title': 'Comments',
  'comments.link': 'Comments',
  'comments.intro':
    'Free-text answers of closed iterations, shown only for groups of at least {k} respondents.',
  'comments.none': 'No iteration has closed yet: comments are shown once one has.',
  'comments.search': 'Search the comments',
  'comments.themes': 'Themes',
  'comments.themesNone': 'No theme: no word comes back in two comments or more.',
  'comments.themeHint': 'Words found in several comments; choose one to see those comments.',
  'comments.total': '{count} comments',
  'comments.matching': '{count} comments match',
  'comments.more': 'More comments',
  'comments.download': 'Download as CSV',
  'comments.downloading': 'Preparing…',
  'comments.empty': 'No comment matches.',
  'comments.otherGroups': 'Other groups',
  'comments.otherGroupsNote':
    'Other groups: groups too small alone, pooled with the smallest others until together they hold at least {k} respondents.',
  'comments.elsewhere':
    '{count} more comments are labelled in another breakdown: each comment is labelled in one breakdown only, so that two labels together never single out a smaller group.',
  'comments.late':
    'Some late answers could not be shown in the final figures, and nothing tells which responses they are: no comment of this iteration can be shown.',
  'comments.tooFew':
    'Fewer than {k} respondents are counted in the final figures: no comment can be shown.',
  // trends: the trends page, its charts and the ambassadors' team page
  'trends.link': 'Trends',
  'trends.title': 'Trends across iterations',
  'trends.teamLink': 'My team',
  'trends.teamTitle': 'My team’s trends',
  'trends.teamScope': 'Figures of the team you animate: {teams}.',
  'trends.latest': 'Latest results: {name}',
  'trends.teamPooled':
    'Where your team has fewer than {k} members, its figures are pooled with other small teams.',
  'trends.intro':
    'Each iteration’s released results side by side, with their 95 % intervals. A change is called clear when its test says so (p < 0.05); no figure is shown for fewer than {k} respondents.',
  'trends.empty': 'No iteration has released results yet: the trends start with the first release.',
  'trends.csv': 'Download as CSV',
  'trends.downloading': 'Downloading…',
  'trends.participation': 'Participation',
  'trends.everyone': 'Everyone',
  'trends.change': '{verdict} ({estimate}, {p})',
  'trends.verdict.clear rise': 'clear rise',
  'trends.verdict.no clear change': 'no clear change',
  'trends.verdict.clear fall': 'clear fall',
  'trends.withheld': 'hidden (fewer than {k} respondents)',
  'trends.notAsked': 'not asked',
  'trends.noGoals': 'No goals written',
  'trends.stillOpen': 'still open: its figures may change',
  'trends.legendInterval': '95 % interval',
  'trends.legendWithheld': 'hidden: fewer than {k} respondents',
  'trends.table': 'Figures as a table',
  'trends.iteration': 'Iteration',
  'trends.series': 'Answer',
  'trends.value': 'Figure',
  'trends.interval': '95 % interval',
  'trends.n': 'Out of',
  'trends.changeColumn': 'Change since the previous iteration',
  'trends.adoption.title': 'Adoption of the network',
  'trends.adoption.empty': 'No adoption figures have been entered yet.',
  'trends.adoption.ratios': 'Active members and contributors',
  'trends.adoption.activeShare': 'weekly active / registered',
  'trends.adoption.contributorShare': 'contributors / weekly active',
  'trends.adoption.registeredMembers': 'Registered',
  'trends.adoption.weeklyActiveMembers': 'Weekly active',
  'trends.adoption.contributors': 'Contributors',
  'trends.adoption.posts': 'Posts',
  'trends.adoption.comments': 'Comments',
  // ideas: the ideas board, its votes and its submit form
  'ideas.link': 'Ideas',
  'ideas.title': 'Ideas',
  'ideas.sort': 'Order of the ideas',
  'ideas.top': 'Top',
  'ideas.new': 'New',
  'ideas.empty': 'No idea yet for this iteration — be the first',
  'ideas.anonymous': 'Anonymous',
  'ideas.by': 'by {name}',
  'ideas.mine': 'yours',
  'ideas.votes': '{count} votes',
  'ideas.vote1': '1 vote',
  'ideas.vote': 'Vote for “{title}”',
  'ideas.readAll': 'Read it all',
  'ideas.more': 'More ideas',
  'ideas.submitTitle': 'Submit an idea',
  'ideas.fieldTitle': 'Title',
  'ideas.fieldDescription': 'Description',
  'ideas.fieldCategory': 'Category',
  'ideas.chooseCategory': 'Choose a category',
  'ideas.anonymously': 'Submit anonymously',
  'ideas.anonymouslyHint': 'Your name is not shown; you can still find it as yours.',
  'ideas.submit': 'Submit the idea',
  'ideas.sending': 'Sending…',
  'ideas.fix': 'Some fields need your attention.',
  'ideas.submitted': 'Your idea “{title}” is on the board.',
  'ideas.category.feature': 'Feature',
  'ideas.category.training': 'Training',
  'ideas.category.animation': 'Community life',
  'ideas.category.usage-convention': 'Usage convention',
  'ideas.category.other': 'Other',
  // The iteration review's decisions and actions, published ("you said, we did").
  'published.meta': '{iteration} — published on {date}',
  'published.correction': 'Correction',
  'published.saidWeDid': 'You said, we did',
  'published.youSaid': 'You said:',
  'published.weDid': 'We did:',
  'published.decisions': 'Decisions',
  'published.actions': 'Actions',
  'published.fromIdeas': 'From the ideas:',
  'published.owner': '{owner} — due by iteration {iteration}',
  'published.overdue': 'Overdue',
  'published.status.planned': 'Planned',
  'published.status.inProgress': 'In progress',
  'published.status.done': 'Done',
  'decisions.effect': 'Did it work ({question}):',
  'decisions.effectTooFew': 'not enough answers to tell.',
  'decisions.effectNotAsked': 'the question was not asked on both sides.',
  'decisions.effectNotYet': 'no results released since it was due yet.',
  'decisions.verdict.rise': 'clear rise',
  'decisions.verdict.none': 'no clear change',
  'decisions.verdict.fall': 'clear fall',
  'decisions.nav': 'Decisions',
  'decisions.title': 'Decisions and actions',
  'decisions.intro':
    'What the steering group tells members after the review: what they said and what was done, the decisions and the actions. Published revisions never change; a later change is a dated correction.',
  'decisions.none': 'No iteration has run yet: its review comes once it has.',
  'decisions.summary': 'Summary',
  'decisions.pairN': 'Said / did {n}',
  'decisions.decisionN': 'Decision {n}',
  'decisions.decisionText': 'Decision',
  'decisions.actionN': 'Action {n}',
  'decisions.actionTitle': 'What',
  'decisions.owner': 'Who carries it',
  'decisions.ownerHint': 'A role or a name, as members should read it',
  'decisions.due': 'Due by',
  'decisions.status': 'Status',
  'decisions.tracked': 'Tracked question',
  'decisions.trackedNone': 'None',
  'decisions.addPair': 'Add a said / did pair',
  'decisions.addDecision': 'Add a decision',
  'decisions.addAction': 'Add an action',
  'decisions.remove': 'Remove',
  'decisions.removeAction': 'Remove this action',
  'decisions.linkIdea': 'Link an idea (search the current ideas)',
  'decisions.link': 'Link “{title}”',
  'decisions.unlinkIdea': 'Unlink “{title}”',
  'decisions.noIdea': 'No current idea matches.',
  'decisions.fix': 'Some fields need your attention:',
  'decisions.save': 'Save the draft',
  'decisions.saved': 'Draft saved.',
  'decisions.reload': 'Reload the review',
  'decisions.preview': 'Preview',
  'decisions.publish': 'Publish…',
  'decisions.publishTitle': 'Publish the review?',
  'decisions.publishFirst':
    'Members will read it as it is. It cannot be changed afterwards: a change is published as a dated correction.',
  'decisions.publishCorrection':
    'This publishes a correction: members will read it as the review, marked as a correction, and the earlier revision stays as it was.',
  'decisions.publishConfirm': 'Publish',
  'decisions.cancel': 'Cancel',
  'decisions.published': 'Revision {n} published.',
  'decisions.publishWhenClosed': 'A review is published once the iteration has closed.',
  'decisions.saveFirst': 'Save your changes before publishing.',
  'decisions.revisions': 'Published revisions',
  'decisions.noRevision': 'Nothing published yet.',
  'decisions.revision': 'Revision {n}, published on {date}',
  'decisions.correctionOf': 'correction of {date}',
  'decisions.linkedIdeas': 'Linked ideas',
  'decisions.versionField': 'Version',
};

export type TMessageKey = keyof typeof en;

const fr: Record<TMessageKey, string> = {
  'app.skip': 'Aller au contenu',
  'nav.label': 'Principale',
  'nav.pulse': 'Pulse',
  'nav.steering': 'Pilotage',
  'nav.signOut': 'Se déconnecter',
  'nav.privacy': 'Confidentialité',
  'language.switch': 'English',
  loading: 'Chargement…',
  retry: 'Réessayer',
  'error.title': 'Un problème est survenu',
  'error.forbiddenTitle': 'Réservé au groupe de pilotage',
  'error.notFoundTitle': 'Page introuvable',
  'error.signInTitle': 'La connexion a échoué',
  'error.home': 'Retour à l’accueil',
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
    'Moins d’une minute. Vos réponses sont anonymes : elles ne sont gardées qu’avec votre équipe, votre site, votre niveau de formation et votre statut d’ambassadeur (moins de détails si trop peu de membres les partagent), jamais avec votre nom, le jour ou l’heure.',
  'pulse.none': 'Aucune itération n’est ouverte pour le moment. Revenez à la prochaine !',
  'pulse.submit': 'Envoyer mes réponses',
  'pulse.sending': 'Envoi…',
  'pulse.required': 'Réponse requise',
  'pulse.optional': 'facultatif',
  'pulse.fix': 'Certaines réponses sont à compléter :',
  'pulse.chars': 'caractères restants',
  'pulse.nearLimit': 'Moins de {count} caractères restants',
  'pulse.limitReached': 'Nombre maximal de caractères atteint',
  'pulse.enpsLow': 'Pas du tout probable',
  'pulse.enpsHigh': 'Très probable',
  'pulse.multipleHint': 'Plusieurs réponses possibles',
  'receipt.pageTitle': 'Reçu',
  'receipt.title': 'Merci, votre réponse est enregistrée',
  'receipt.body': 'Vous avez répondu au pulse de « {iteration} » le {day}.',
  'receipt.anonymous':
    'Ce reçu prouve que vous avez répondu, et quel jour. Il ne contient pas vos réponses, et personne ne peut le relier à elles.',
  'receipt.none': 'Vous n’avez pas encore répondu au pulse en cours.',
  'receipt.answer': 'Répondre au pulse',
  'steering.empty': 'Aucune itération pour l’instant.',
  'steering.createFirst': 'Créer la première',
  'steering.iteration': 'Itération',
  'steering.breakdown': 'Détail par',
  'steering.overall': 'Ensemble',
  'steering.participation': 'Participation',
  'steering.respondents': 'répondants',
  'steering.members': 'membres',
  'steering.withheld': 'Masqué (moins de {k} répondants)',
  'steering.withheldAll':
    'Moins de {k} répondants : aucun résultat n’est affiché pour protéger l’anonymat.',
  'steering.enps': 'eNPS',
  'steering.ci': 'IC 95 %',
  'steering.answers': 'réponses',
  'steering.textAnswers': 'commentaires libres',
  'steering.notStarted': 'Cette itération n’est pas encore ouverte.',
  'steering.noPulse': 'Cette itération n’a pas de pulse.',
  'steering.group': 'Groupe',
  'steering.byDay': 'Réponses par jour (jours de moins de {k} réponses regroupés)',
  'steering.release': 'Publication {number}, faite le {date} à {time}',
  'steering.releaseFinal': 'Publication finale, faite le {date} à {time}',
  'steering.releaseRespondents': ', {count} répondants',
  'steering.noRelease':
    'Aucune publication pour l’instant : les chiffres apparaissent dès qu’au moins {k} membres ont répondu.',
  'steering.releaseHow': 'Comment fonctionnent les publications',
  'steering.pooledNote':
    '« {label} » : les membres pour qui ce détail n’est pas gardé, car moins de {k} membres partageaient leur équipe, leur site, leur niveau et leur statut d’ambassadeur.',
  'privacy.title': 'Vos réponses et votre anonymat',
  'privacy.link': 'Comment votre anonymat est protégé',
  'privacy.intro':
    'Boucle recueille votre avis pour que le groupe de pilotage améliore le programme. Il est conçu pour que personne ne puisse savoir ce que vous avez répondu. Voici comment, en termes simples.',
  'privacy.storedTitle': 'Ce qui est gardé avec vos réponses',
  'privacy.stored':
    'Vos réponses, et votre groupe tel qu’il était à l’ouverture de l’itération : votre équipe, votre site, votre niveau de formation et si vous êtes ambassadeur ou non.',
  'privacy.pooled':
    'Si moins de {k} membres partagent les quatre, des détails sont retirés un à un (d’abord le statut d’ambassadeur, puis le site, le niveau de formation, l’équipe : « non précisé », « autres sites », « autres niveaux », « autres équipes ») jusqu’à ce qu’au moins {k} membres partagent ce qui reste.',
  'privacy.never':
    'Jamais votre nom, votre e-mail, le jour ni l’heure de votre réponse : rien qui ramène à vous.',
  'privacy.receiptStored':
    'Séparément de vos réponses, Boucle note que vous avez répondu et quel jour (votre reçu), pour que chacun ne réponde qu’une fois. Les réponses par jour ne sont gardées que comme un nombre.',
  'privacy.whoTitle': 'Qui voit quoi',
  'privacy.whoYou': 'Vous : votre reçu et les résultats publiés.',
  'privacy.whoAmbassadors':
    'Les ambassadeurs : les résultats agrégés et les tendances de leur propre équipe (telle qu’elle était à l’ouverture de chaque itération), au-dessus des seuils ci-dessous.',
  'privacy.whoSteering':
    'Le groupe de pilotage : des résultats agrégés uniquement, jamais les réponses d’une personne.',
  'privacy.whoNobody':
    'Personne (ni le groupe de pilotage, ni les ambassadeurs, ni les personnes qui font fonctionner le service) ne peut voir quelles réponses sont les vôtres.',
  'privacy.thresholdsTitle': 'Les seuils',
  'privacy.thresholdFigures':
    'Aucun chiffre n’est affiché pour moins de {k} répondants. Quand un chiffre masqué pourrait se déduire des autres par soustraction, d’autres sont masqués aussi.',
  'privacy.thresholdSegments': 'Aucun groupe partagé par moins de {k} membres n’est affiché.',
  'privacy.thresholdComments':
    'Les commentaires écrits ne sont montrés qu’une fois l’itération clôturée, seulement pour des groupes d’au moins {commentK} répondants, jamais à côté d’un groupe plus petit, et jamais avec vos autres réponses.',
  'privacy.thresholdK':
    'Ces seuils valent pour tous, groupe de pilotage compris. {k} est la valeur habituelle : une organisation peut en choisir une autre, jamais moins de {min}.',
  'privacy.releasesTitle': 'Quand les résultats sont publiés',
  'privacy.releasesLive':
    'Les résultats ne bougent pas en direct à chaque réponse : ils sont publiés par étapes, appelées publications. Avant la première publication, aucun chiffre n’est affiché.',
  'privacy.releasesOpen':
    'Tant que le pulse est ouvert, une nouvelle publication n’a lieu que si, dans chaque groupe, personne ou au moins {k} personnes de plus ont répondu depuis la précédente. Comparer deux publications ne permet donc jamais d’isoler quelques personnes.',
  'privacy.releasesFinal': 'La clôture de l’itération fait la publication finale.',
  'privacy.receiptTitle': 'Ce que prouve votre reçu',
  'privacy.receiptProves': 'Il prouve que vous avez répondu au pulse, et quel jour.',
  'privacy.receiptNot':
    'Il ne montre pas ce que vous avez répondu. Personne ne peut le relier à vos réponses, donc personne ne peut vous obliger à les révéler : il n’existe aucun moyen de les retrouver, pas même pour vous.',
  'form.required': 'À renseigner',
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
  'roster.empty': 'L’annuaire est vide : importez le premier ci-dessous.',
  'roster.intro':
    'Importez la liste complète des membres (CSV : email, name, team, site, trainingLevel, ambassador, role). Elle remplace l’annuaire actuel ; un fichier avec une erreur n’est pas importé du tout.',
  'roster.file': 'Fichier CSV',
  'roster.import': 'Importer',
  'roster.importing': 'Import…',
  'roster.confirm': 'Remplacer l’annuaire de {count} membres par ce fichier ?',
  'roster.done': '{count} membres importés.',
  'roster.errors': 'Le fichier n’a pas été importé :',
  'roster.line': 'ligne {line}',
  'roster.missingColumn': 'colonne manquante',
  'roster.sameEmail': 'même e-mail qu’à la ligne {line}',
  'roster.trainingLevel': 'doit valoir beginner, confirmed ou advanced',
  'roster.ambassador': 'doit valoir yes ou no',
  'roster.role': 'doit valoir employee, ambassador ou steering',
  // adoption (the social network's own figures per iteration)
  'adoption.title': 'Adoption du réseau',
  'adoption.link': 'Adoption',
  'adoption.intro':
    'Les chiffres du réseau social lui-même pour chaque itération, tirés de sa console d’administration : des totaux de toute l’organisation, sans aucun répondant derrière. Saisissez-les une fois l’itération terminée, ou importez un fichier.',
  'adoption.empty':
    'Aucune itération pour l’instant : les chiffres viennent une fois la première passée.',
  'adoption.iteration': 'Itération',
  'adoption.registeredMembers': 'Membres inscrits',
  'adoption.weeklyActiveMembers': 'Membres actifs par semaine',
  'adoption.contributors': 'Contributeurs',
  'adoption.posts': 'Publications',
  'adoption.comments': 'Commentaires',
  'adoption.activeShare': 'Actifs / inscrits',
  'adoption.contributorShare': 'Contributeurs / actifs',
  'adoption.none': 'Pas encore de chiffres',
  'adoption.draft': 'Chiffres une fois l’itération passée',
  'adoption.edit': 'Modifier',
  'adoption.editOf': 'Modifier les chiffres de {name}',
  'adoption.save': 'Enregistrer',
  'adoption.saving': 'Enregistrement…',
  'adoption.cancel': 'Annuler',
  'adoption.saved': 'Chiffres de « {name} » enregistrés.',
  'adoption.wholeNumber': 'Doit être un nombre entier, 0 ou plus',
  'adoption.overRegistered': 'Ne doit pas dépasser le nombre de membres inscrits',
  'adoption.upload': 'Importer un fichier CSV',
  'adoption.uploadIntro':
    'Une ligne par itération, avec les colonnes itération (son numéro), inscrits, actifs hebdomadaires, contributeurs, publications et commentaires, ou leurs noms anglais (iteration, registeredMembers, weeklyActiveMembers, contributors, posts, comments) ; virgule ou point-virgule.',
  'adoption.file': 'Fichier CSV',
  'adoption.preview': 'Vérifiez ces {count} lignes, puis envoyez-les.',
  'adoption.send': 'Envoyer {count} lignes',
  'adoption.sending': 'Envoi : {done} / {total}',
  'adoption.sent': '{count} itérations mises à jour.',
  'adoption.fileErrors': 'Rien n’a été envoyé : le fichier contient des erreurs.',
  'adoption.refused': 'Certaines lignes ont été refusées :',
  'adoption.line': 'ligne {line}',
  'adoption.missingColumn': 'colonne manquante',
  'adoption.sameIteration': 'même itération qu’à la ligne {line}',
  'adoption.noSuchIteration': 'itération inconnue',
  'adoption.stillDraft': 'cette itération est encore un brouillon',
  'adoption.noLine': 'aucune itération dans le fichier',
  // review: the iteration review page and its printable pack
  'review.title': 'Revue d’itération',
  'review.print': 'Imprimer la revue',
  'review.printedOn': 'imprimé le {date}',
  'review.headlines': 'Par rapport à l’itération précédente',
  'review.figure': 'Indicateur',
  'review.stillOpen':
    'Cette itération est encore ouverte : ses chiffres évoluent à chaque nouvelle publication.',
  'review.previous': 'Itération précédente',
  'review.change': 'Écart',
  'review.test': 'Test',
  'review.readComments': 'Lire les commentaires',
  'review.commentsOnceClosed': 'Les commentaires se lisent une fois l’itération clôturée.',
  'review.changeNote':
    'Écart : cette itération moins la précédente (participation en points de pourcentage). Test : l’écart est-il net au seuil de 5 % (test t de Welch pour une moyenne, test z pour l’eNPS et pour la participation) ; pas de test de la participation tant que l’itération est ouverte.',
  'review.answers': 'Réponses',
  'review.multipleNote': 'Plusieurs choix par réponse : les parts peuvent dépasser 100 % au total.',
  'review.heatmap': 'Carte de chaleur',
  'review.heatmapCaption':
    'Chaque {dimension} face à l’ensemble de l’organisation : le chiffre, puis son écart au chiffre d’ensemble.',
  'review.heatmapEmpty':
    'Aucun groupe à montrer : les chiffres apparaissent dès que {k} membres ont répondu.',
  'review.cellOn': 'sur {n}',
  'review.cellWithheld': 'masqué',
  'review.cellSignificant': 'écart significatif',
  'review.cellPooled': 'groupe regroupé, non testé',
  'review.legendGap':
    'Bleu au-dessus du chiffre d’ensemble, orange en dessous ; le signe de l’écart dit la même chose.',
  'review.legendSignificant':
    'Écart significatif : chaque groupe est testé face au reste de l’organisation, et les {tests} tests ensemble maîtrisent le taux de fausses découvertes (Benjamini–Hochberg, q < {level}).',
  'review.legendPooled': 'Ses chiffres sont montrés, mais ni colorés ni testés.',
  'review.trainingTitle': 'Besoins de formation',
  'review.trainingCaption':
    'Formation souhaitée, selon le niveau de formation des membres : nombre (part de ceux qui ont répondu) ; — quand moins de {k} ont répondu.',
  'review.trainingNotAsked': 'Ce pulse ne demande pas quelle formation il faudrait aux membres.',
  'review.answered': 'Ont répondu',
  'review.downloadResults': 'Télécharger les résultats (CSV)',
  'review.downloadHeatmap': 'Télécharger la carte de chaleur (CSV)',
  'review.downloadTraining': 'Télécharger les besoins de formation (CSV)',
  'review.downloading': 'Téléchargement…',
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
  'pooled.team': 'Autres équipes',
  'pooled.site': 'Autres sites',
  'pooled.trainingLevel': 'Autres niveaux',
  'pooled.ambassador': 'Non précisé',
  // comments (free-text answers of closed iterations)
  'comments.title': 'Commentaires',
  'comments.link': 'Commentaires',
  'comments.intro':
    'Réponses libres des itérations clôturées, visibles seulement pour les groupes d’au moins {k} répondants.',
  'comments.none':
    'Aucune itération n’est encore clôturée : les commentaires sont visibles ensuite.',
  'comments.search': 'Rechercher dans les commentaires',
  'comments.themes': 'Thèmes',
  'comments.themesNone': 'Aucun thème : aucun mot ne revient dans deux commentaires ou plus.',
  'comments.themeHint':
    'Mots présents dans plusieurs commentaires ; choisissez-en un pour voir ces commentaires.',
  'comments.total': '{count} commentaires',
  'comments.matching': '{count} commentaires correspondent',
  'comments.more': 'Plus de commentaires',
  'comments.download': 'Télécharger en CSV',
  'comments.downloading': 'Préparation…',
  'comments.empty': 'Aucun commentaire ne correspond.',
  'comments.otherGroups': 'Autres groupes',
  'comments.otherGroupsNote':
    'Autres groupes : les groupes trop petits seuls, réunis aux plus petits des autres jusqu’à compter ensemble au moins {k} répondants.',
  'comments.elsewhere':
    '{count} autres commentaires sont rattachés à un autre détail : chaque commentaire n’est rattaché qu’à un seul, pour que deux rattachements ensemble ne désignent jamais un groupe plus petit.',
  'comments.late':
    'Des réponses tardives n’ont pas pu entrer dans les chiffres définitifs, et rien ne dit lesquelles : aucun commentaire de cette itération ne peut être montré.',
  'comments.tooFew':
    'Moins de {k} répondants comptés dans les chiffres définitifs : aucun commentaire ne peut être montré.',
  // trends: the trends page, its charts and the ambassadors' team page
  'trends.link': 'Tendances',
  'trends.title': 'Tendances d’une itération à l’autre',
  'trends.teamLink': 'Mon équipe',
  'trends.teamTitle': 'Les tendances de mon équipe',
  'trends.teamScope': 'Résultats de l’équipe que vous animez : {teams}.',
  'trends.latest': 'Derniers résultats : {name}',
  'trends.teamPooled':
    'Quand votre équipe compte moins de {k} membres, ses résultats sont regroupés avec d’autres petites équipes.',
  'trends.intro':
    'Les résultats publiés de chaque itération côte à côte, avec leurs intervalles à 95 %. Une évolution est dite nette quand son test l’indique (p < 0,05) ; aucun chiffre n’est montré pour moins de {k} répondants.',
  'trends.empty':
    'Aucune itération n’a encore de résultats publiés : les tendances commencent à la première publication.',
  'trends.csv': 'Télécharger en CSV',
  'trends.downloading': 'Téléchargement…',
  'trends.participation': 'Participation',
  'trends.everyone': 'Tout le monde',
  'trends.change': '{verdict} ({estimate}, {p})',
  'trends.verdict.clear rise': 'hausse nette',
  'trends.verdict.no clear change': 'pas d’évolution nette',
  'trends.verdict.clear fall': 'baisse nette',
  'trends.withheld': 'masqué (moins de {k} répondants)',
  'trends.notAsked': 'non posée',
  'trends.noGoals': 'Aucun objectif écrit',
  'trends.stillOpen': 'encore ouverte : ses chiffres peuvent changer',
  'trends.legendInterval': 'intervalle à 95 %',
  'trends.legendWithheld': 'masqué : moins de {k} répondants',
  'trends.table': 'Les chiffres en tableau',
  'trends.iteration': 'Itération',
  'trends.series': 'Réponse',
  'trends.value': 'Chiffre',
  'trends.interval': 'Intervalle à 95 %',
  'trends.n': 'Sur',
  'trends.changeColumn': 'Évolution depuis l’itération précédente',
  'trends.adoption.title': 'Adoption du réseau',
  'trends.adoption.empty': 'Aucun chiffre d’adoption n’a encore été saisi.',
  'trends.adoption.ratios': 'Membres actifs et contributeurs',
  'trends.adoption.activeShare': 'actifs dans la semaine / inscrits',
  'trends.adoption.contributorShare': 'contributeurs / actifs dans la semaine',
  'trends.adoption.registeredMembers': 'Inscrits',
  'trends.adoption.weeklyActiveMembers': 'Actifs dans la semaine',
  'trends.adoption.contributors': 'Contributeurs',
  'trends.adoption.posts': 'Publications',
  'trends.adoption.comments': 'Commentaires',
  // ideas: the ideas board, its votes and its submit form
  'ideas.link': 'Idées',
  'ideas.title': 'Idées',
  'ideas.sort': 'Ordre des idées',
  'ideas.top': 'Les plus votées',
  'ideas.new': 'Nouvelles',
  'ideas.empty': 'Aucune idée pour cette itération — soyez le premier',
  'ideas.anonymous': 'Anonyme',
  'ideas.by': 'par {name}',
  'ideas.mine': 'la vôtre',
  'ideas.votes': '{count} votes',
  'ideas.vote1': '1 vote',
  'ideas.vote': 'Voter pour « {title} »',
  'ideas.readAll': 'Tout lire',
  'ideas.more': 'Plus d’idées',
  'ideas.submitTitle': 'Proposer une idée',
  'ideas.fieldTitle': 'Titre',
  'ideas.fieldDescription': 'Description',
  'ideas.fieldCategory': 'Catégorie',
  'ideas.chooseCategory': 'Choisir une catégorie',
  'ideas.anonymously': 'Proposer anonymement',
  'ideas.anonymouslyHint':
    'Votre nom n’est pas affiché ; vous la retrouvez quand même comme la vôtre.',
  'ideas.submit': 'Proposer l’idée',
  'ideas.sending': 'Envoi…',
  'ideas.fix': 'Certains champs sont à compléter.',
  'ideas.submitted': 'Votre idée « {title} » est sur le tableau.',
  'ideas.category.feature': 'Fonctionnalité',
  'ideas.category.training': 'Formation',
  'ideas.category.animation': 'Animation',
  'ideas.category.usage-convention': 'Convention d’usage',
  'ideas.category.other': 'Autre',
  // Le bilan de l’itération : décisions et actions, publié (« vous avez dit, nous avons fait »).
  'published.meta': '{iteration} — publié le {date}',
  'published.correction': 'Correction',
  'published.saidWeDid': 'Vous avez dit, nous avons fait',
  'published.youSaid': 'Vous avez dit :',
  'published.weDid': 'Nous avons fait :',
  'published.decisions': 'Décisions',
  'published.actions': 'Actions',
  'published.fromIdeas': 'D’après les idées :',
  'published.owner': '{owner} — pour l’itération {iteration}',
  'published.overdue': 'En retard',
  'published.status.planned': 'Prévue',
  'published.status.inProgress': 'En cours',
  'published.status.done': 'Faite',
  'decisions.effect': 'Est-ce que ça a marché ({question}) :',
  'decisions.effectTooFew': 'pas assez de réponses pour le dire.',
  'decisions.effectNotAsked': 'la question n’a pas été posée des deux côtés.',
  'decisions.effectNotYet': 'pas encore de résultats publiés depuis l’échéance.',
  'decisions.verdict.rise': 'hausse nette',
  'decisions.verdict.none': 'pas de changement net',
  'decisions.verdict.fall': 'baisse nette',
  'decisions.nav': 'Décisions',
  'decisions.title': 'Décisions et actions',
  'decisions.intro':
    'Ce que le comité de pilotage dit aux membres après le bilan : ce qu’ils ont dit et ce qui a été fait, les décisions et les actions. Une révision publiée ne change plus ; une modification ultérieure est une correction datée.',
  'decisions.none': 'Aucune itération n’a encore eu lieu : son bilan vient ensuite.',
  'decisions.summary': 'Synthèse',
  'decisions.pairN': 'Dit / fait {n}',
  'decisions.decisionN': 'Décision {n}',
  'decisions.decisionText': 'Décision',
  'decisions.actionN': 'Action {n}',
  'decisions.actionTitle': 'Quoi',
  'decisions.owner': 'Qui la porte',
  'decisions.ownerHint': 'Un rôle ou un nom, tel que les membres doivent le lire',
  'decisions.due': 'Pour',
  'decisions.status': 'État',
  'decisions.tracked': 'Question suivie',
  'decisions.trackedNone': 'Aucune',
  'decisions.addPair': 'Ajouter un « dit / fait »',
  'decisions.addDecision': 'Ajouter une décision',
  'decisions.addAction': 'Ajouter une action',
  'decisions.remove': 'Retirer',
  'decisions.removeAction': 'Retirer cette action',
  'decisions.linkIdea': 'Lier une idée (chercher parmi les idées actuelles)',
  'decisions.link': 'Lier « {title} »',
  'decisions.unlinkIdea': 'Délier « {title} »',
  'decisions.noIdea': 'Aucune idée actuelle ne correspond.',
  'decisions.fix': 'Certains champs sont à revoir :',
  'decisions.save': 'Enregistrer le brouillon',
  'decisions.saved': 'Brouillon enregistré.',
  'decisions.reload': 'Recharger le bilan',
  'decisions.preview': 'Aperçu',
  'decisions.publish': 'Publier…',
  'decisions.publishTitle': 'Publier le bilan ?',
  'decisions.publishFirst':
    'Les membres le liront tel quel. Il ne pourra plus être modifié : une modification est publiée comme correction datée.',
  'decisions.publishCorrection':
    'Ceci publie une correction : les membres la liront comme le bilan, signalée comme correction, et la révision précédente reste telle quelle.',
  'decisions.publishConfirm': 'Publier',
  'decisions.cancel': 'Annuler',
  'decisions.published': 'Révision {n} publiée.',
  'decisions.publishWhenClosed': 'Un bilan se publie une fois l’itération clôturée.',
  'decisions.saveFirst': 'Enregistrez vos modifications avant de publier.',
  'decisions.revisions': 'Révisions publiées',
  'decisions.noRevision': 'Rien de publié pour l’instant.',
  'decisions.revision': 'Révision {n}, publiée le {date}',
  'decisions.correctionOf': 'correction du {date}',
  'decisions.linkedIdeas': 'Idées liées',
  'decisions.versionField': 'Version',
};

/** Every reason a call or a sign-in can fail, told by its code rather than the API's English. */
export type TShownProblem = TProblemCode | TSignInProblem;

const problems: Record<TLocale, Record<TShownProblem, string>> = {
  en: {
    invalid_input: 'Some of what was sent is not valid. Check the fields and try again.',
    payload_too_large: 'The file is too large.',
    unsupported_media_type: 'The app sent its request in a form the server does not accept.',
    unauthenticated: 'Your session has ended. Please sign in again.',
    forbidden: 'This page is for the steering group only.',
    not_in_directory: 'You are not in the member directory yet: ask the steering group.',
    not_found: 'What you asked for does not exist (any more).',
    unknown_member: 'This member is not in the directory.',
    already_answered: 'You have already answered this pulse.',
    iteration_not_open: 'This iteration is not open for answers any more.',
    invalid_transition:
      'This step is not possible any more: the iteration changed meanwhile. The list is up to date now.',
    iteration_not_draft: 'The pulse can only change while the iteration is a draft.',
    iteration_is_draft: 'This iteration is still a draft: its figures come once it has run.',
    iteration_changed: 'Someone changed this iteration meanwhile. The list is up to date now.',
    iteration_exists: 'This iteration already exists.',
    iteration_not_started: 'This iteration has not opened yet: there are no results.',
    comments_not_released: 'Comments are shown once the iteration has closed.',
    directory_changed: 'The directory changed meanwhile. Please import the file again.',
    review_changed: 'Someone saved this review meanwhile. Reload it, then make your changes again.',
    nothing_to_publish: 'Nothing new to publish: save a change first.',
    iteration_not_closed: 'A review is published once its iteration has closed.',
    unavailable: 'The service is busy. Please try again in a moment.',
    auth_unavailable: 'Sign-in cannot be checked right now. Please try again in a moment.',
    misconfigured: 'The service is not set up correctly. Please tell the steering group.',
    internal: 'Something went wrong on our side. Please try again.',
    network: 'The server cannot be reached. Check your connection.',
    unexpected: 'The server gave an unexpected answer. Please try again.',
    signin_refused: 'The company sign-in refused the request.',
    signin_expired: 'This sign-in link is not valid any more. Please sign in again.',
    signin_failed: 'The sign-in could not be completed. Please try again.',
  },
  fr: {
    invalid_input: 'Une partie de l’envoi n’est pas valide. Vérifiez les champs et réessayez.',
    payload_too_large: 'Le fichier est trop volumineux.',
    unsupported_media_type:
      'L’application a envoyé sa demande sous une forme que le serveur refuse.',
    unauthenticated: 'Votre session a expiré. Veuillez vous reconnecter.',
    forbidden: 'Cette page est réservée au groupe de pilotage.',
    not_in_directory:
      'Vous n’êtes pas encore dans l’annuaire des membres : adressez-vous au groupe de pilotage.',
    not_found: 'Ce que vous demandez n’existe pas (ou plus).',
    unknown_member: 'Ce membre n’est pas dans l’annuaire.',
    already_answered: 'Vous avez déjà répondu à ce pulse.',
    iteration_not_open: 'Cette itération n’accepte plus de réponses.',
    invalid_transition:
      'Cette étape n’est plus possible : l’itération a changé entre-temps. La liste est à jour.',
    iteration_not_draft: 'Le pulse ne peut changer que tant que l’itération est un brouillon.',
    iteration_is_draft:
      'Cette itération est encore un brouillon : ses chiffres viennent une fois qu’elle a eu lieu.',
    iteration_changed: 'Quelqu’un a modifié cette itération entre-temps. La liste est à jour.',
    iteration_exists: 'Cette itération existe déjà.',
    iteration_not_started: 'Cette itération n’est pas encore ouverte : il n’y a pas de résultats.',
    comments_not_released: 'Les commentaires sont visibles une fois l’itération clôturée.',
    directory_changed: 'L’annuaire a changé entre-temps. Importez le fichier à nouveau.',
    review_changed:
      'Quelqu’un a enregistré ce bilan entre-temps. Rechargez-le, puis refaites vos modifications.',
    nothing_to_publish: 'Rien de nouveau à publier : enregistrez d’abord une modification.',
    iteration_not_closed: 'Un bilan se publie une fois son itération clôturée.',
    unavailable: 'Le service est très sollicité. Réessayez dans un instant.',
    auth_unavailable:
      'La connexion ne peut pas être vérifiée pour le moment. Réessayez dans un instant.',
    misconfigured: 'Le service est mal configuré. Prévenez le groupe de pilotage.',
    internal: 'Une erreur s’est produite de notre côté. Veuillez réessayer.',
    network: 'Le serveur est injoignable. Vérifiez votre connexion.',
    unexpected: 'Le serveur a répondu de façon inattendue. Veuillez réessayer.',
    signin_refused: 'La connexion d’entreprise a refusé la demande.',
    signin_expired: 'Ce lien de connexion n’est plus valable. Veuillez vous reconnecter.',
    signin_failed: 'La connexion n’a pas pu aboutir. Veuillez réessayer.',
  },
};

const messages: Record<TLocale, Record<TMessageKey, string>> = { en, fr };

function initialLocale(): TLocale {
  if (typeof localStorage === 'undefined') return 'fr';
  const saved = localStorage.getItem(LOCALE_KEY);
  if (saved === 'fr' || saved === 'en') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** zod writes its messages when it parses: shared-schema problems come out in this language. */
function useZodLocale(locale: TLocale): void {
  z.config(locale === 'fr' ? zodFr() : zodEn());
}

export const i18n = $state<{ locale: TLocale }>({ locale: initialLocale() });
useZodLocale(i18n.locale);

export function setLocale(locale: TLocale): void {
  // Before the state changes, so what re-parses on the change speaks the new language.
  useZodLocale(locale);
  i18n.locale = locale;
  localStorage.setItem(LOCALE_KEY, locale);
}

/** The message in the current language, with `{name}` placeholders filled in. */
export function t(key: TMessageKey, values: Record<string, string | number> = {}): string {
  return messages[i18n.locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? `{${name}}`),
  );
}

/** What went wrong, by its code, in the current language. */
export function problemText(code: TShownProblem): string {
  return problems[i18n.locale][code];
}

/** A text stored in both languages, in the current one. */
export function local(text: TLocalizedText): string {
  return text[i18n.locale];
}

/**
 * A group of a breakdown as the steering group reads it: the pooled value by what it pools
 * ("Other sites"), the values the app knows (levels, yes/no) translated, team and site names as
 * they are.
 */
export function segmentValue(dimension: TSegmentDimension, value: string): string {
  if (value === POOLED) return t(`pooled.${dimension}`);
  const key = `value.${value}`;
  return key in en ? t(key as TMessageKey) : value;
}

/**
 * Checks input with a shared schema, each wrong field with its problem in the current language:
 * zod's own message, plain words for a blank field, ours for a rule the schema words in English.
 * Reads the language, so a `$derived` using it re-checks when the member switches.
 */
export function fieldProblems<T extends z.ZodType>(
  schema: T,
  input: Record<string, unknown>,
  ownWords: Record<string, TMessageKey> = {},
): Record<string, string> {
  void i18n.locale;
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const found: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const own = issue.code === 'custom' ? ownWords[field] : undefined;
    const value = input[field];
    const blank = typeof value === 'string' && value.trim() === '';
    found[field] ??= blank ? t('form.required') : own === undefined ? issue.message : t(own);
  }
  return found;
}

/** Dates and times as read in Europe: "20 Nov 2026 at 10:00", not "Nov 20, 2026 at 10:00 AM". */
const DATE_LOCALES: Record<TLocale, string> = { en: 'en-GB', fr: 'fr-FR' };

/** A short day for ranges of days: "12 Nov". */
export function formatShortDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(DATE_LOCALES[i18n.locale], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** An instant as a date and a time of day, in the browser's time zone: "20 Nov 2026", "10:00". */
export function formatMoment(instant: string): { date: string; time: string } {
  const moment = new Date(instant);
  return {
    date: moment.toLocaleDateString(DATE_LOCALES[i18n.locale], {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }),
    time: moment.toLocaleTimeString(DATE_LOCALES[i18n.locale], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
  };
}

export function formatDay(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(i18n.locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}
