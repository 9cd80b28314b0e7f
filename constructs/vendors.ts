/** The vendor catalog lives in `domain/`; the construct library exports it from here. */
export * from '../domain/vendors';
