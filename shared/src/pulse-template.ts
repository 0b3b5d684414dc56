import type { TPulseInput } from './pulse.js';

/** The default bilingual pulse: usefulness, ease, frequency, eNPS, training need, blockers, comment. */
export const defaultPulseTemplate: TPulseInput = {
  questions: [
    {
      id: 'usefulness',
      type: 'scale',
      required: true,
      label: {
        fr: 'Le réseau social vous est-il utile dans votre travail ?',
        en: 'How useful is the social network in your work?',
      },
      lowLabel: { fr: 'Pas du tout utile', en: 'Not useful at all' },
      highLabel: { fr: 'Indispensable', en: 'Essential' },
    },
    {
      id: 'ease-of-use',
      type: 'scale',
      required: true,
      label: {
        fr: 'Le réseau social est-il facile à utiliser ?',
        en: 'How easy is the social network to use?',
      },
      lowLabel: { fr: 'Très difficile', en: 'Very hard' },
      highLabel: { fr: 'Très facile', en: 'Very easy' },
    },
    {
      id: 'frequency',
      type: 'single',
      required: true,
      label: {
        fr: 'À quelle fréquence l’utilisez-vous ?',
        en: 'How often do you use it?',
      },
      options: [
        { id: 'daily', label: { fr: 'Tous les jours', en: 'Every day' } },
        { id: 'weekly', label: { fr: 'Chaque semaine', en: 'Every week' } },
        { id: 'monthly', label: { fr: 'Chaque mois', en: 'Every month' } },
        { id: 'rarely', label: { fr: 'Rarement ou jamais', en: 'Rarely or never' } },
      ],
    },
    {
      id: 'enps',
      type: 'enps',
      required: true,
      label: {
        fr: 'Recommanderiez-vous le réseau social à un collègue ?',
        en: 'Would you recommend the social network to a colleague?',
      },
    },
    {
      id: 'training-need',
      type: 'single',
      required: true,
      label: {
        fr: 'De quelle formation auriez-vous besoin ?',
        en: 'Which training would you need?',
      },
      options: [
        { id: 'none', label: { fr: 'Aucune', en: 'None' } },
        { id: 'beginner', label: { fr: 'Débutant', en: 'Beginner' } },
        { id: 'confirmed', label: { fr: 'Confirmé', en: 'Confirmed' } },
        { id: 'advanced', label: { fr: 'Approfondissement', en: 'Advanced' } },
      ],
    },
    {
      id: 'blockers',
      type: 'multiple',
      required: false,
      label: {
        fr: 'Qu’est-ce qui vous freine ?',
        en: 'What holds you back?',
      },
      options: [
        { id: 'time', label: { fr: 'Le manque de temps', en: 'Lack of time' } },
        {
          id: 'conventions',
          label: { fr: 'Des règles d’usage floues', en: 'Unclear usage conventions' },
        },
        {
          id: 'relevance',
          label: { fr: 'Peu de contenu pertinent', en: 'Little relevant content' },
        },
        { id: 'tooling', label: { fr: 'L’outil lui-même', en: 'The tool itself' } },
        {
          id: 'management',
          label: { fr: 'Le peu de soutien managérial', en: 'Little support from management' },
        },
      ],
    },
    {
      id: 'comment',
      type: 'text',
      required: false,
      maxLength: 1000,
      label: {
        fr: 'Que faudrait-il changer à la prochaine itération ?',
        en: 'What should change in the next iteration?',
      },
    },
  ],
};
