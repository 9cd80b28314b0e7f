/** Microsoft Graph permission names live in `domain/`; the construct library exports them from here. */
export * from '../domain/graph-permissions';
