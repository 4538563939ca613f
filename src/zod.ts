/**
 * The schemas of the front matter, the config file and theme settings use zod's small build
 * (zod/mini: the same checks and issues as full zod with a twentieth of the code to load at
 * start-up, issue 13). Imported by each of them for its side effect: the English messages
 * that full zod sets by default.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());
