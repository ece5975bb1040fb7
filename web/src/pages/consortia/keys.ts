// The queries of the consortium pages, named once: a page that changes something refreshes them.

export const consortiaKey = ['consortia'];
export const consortiumKey = (id: string) => ['consortium', id];
export const resolutionsKey = (consortiumId: string) => ['consortium', consortiumId, 'resolutions'];
export const expressionsKey = (consortiumId: string) => ['consortium', consortiumId, 'expressions'];
export const tendersKey = (consortiumId: string) => ['tenders', { consortiumId }];
