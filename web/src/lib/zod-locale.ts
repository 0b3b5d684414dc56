import * as z from 'zod';
import { en, fr } from 'zod/locales';
import { followLocale } from './i18n.svelte';

// zod writes its messages when it parses: shared-schema problems come out in the member's
// language. Imported where zod's messages reach the member (forms, the steering pages), so the
// pulse page, which loads no zod, carries no zod locale either (ADR 0026).
followLocale((locale) => z.config(locale === 'fr' ? fr() : en()));
