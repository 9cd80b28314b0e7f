/** The host name and domain rules live in `domain/`; the construct library exports them from here. */
export * from '../domain/dns-names';
