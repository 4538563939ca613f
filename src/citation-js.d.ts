/** The little of citation-js 0.8 that paparan uses (it ships no types). */
declare module '@citation-js/core' {
  export interface CslEntry {
    id: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: CslEntry[];
    format(kind: 'bibliography' | 'citation', options: { format: 'html' | 'text'; template: string; lang: string; entry?: string | string[] }): string;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): {
        styles: { add(name: string, xml: string): void; has(name: string): boolean };
        locales: { add(name: string, xml: string): void; get(name: string): string | undefined; has(name: string): boolean };
      };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
