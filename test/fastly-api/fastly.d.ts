// Fastly's JavaScript API client ships without type declarations.
declare module 'fastly';
