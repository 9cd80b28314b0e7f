import { routes } from '../teams/routes';

/**
 * The emulator's route table, derived from the shared contract (teams/routes.ts) so the
 * emulator serves exactly the paths the client calls. A template is the contract's path with
 * `{name}` for each argument, e.g. `/Skype.Policy/users/{user}/policies/...`; request-log counts
 * are keyed by `METHOD template`.
 */

export type RouteName = keyof typeof routes;

const templateOf = (name: RouteName): string => {
  const build = routes[name] as (...args: string[]) => string;
  const paramNames: Record<string, string> = {
    provider: 'identity',
    userPolicy: 'user',
    groupAssignments: 'groupId',
    groupPolicy: 'groupId',
    batchAssignment: 'operationId',
  };
  const param = paramNames[name];
  return param ? decodeURIComponent(build(`{${param}}`)) : build();
};

export const TEMPLATES: Record<RouteName, string> = Object.fromEntries(
  (Object.keys(routes) as RouteName[]).map((name) => [name, templateOf(name)]),
) as Record<RouteName, string>;

export interface RouteMatch {
  name: RouteName;
  template: string;
  params: Record<string, string>;
}

const compiled = (Object.keys(TEMPLATES) as RouteName[]).map((name) => ({
  name,
  template: TEMPLATES[name],
  segments: TEMPLATES[name].split('/'),
}));

/** Matches a request path (no query) to a contract route; segments are percent-decoded. */
export function matchRoute(path: string): RouteMatch | undefined {
  const parts = path.split('/');
  for (const route of compiled) {
    if (route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = route.segments.every((seg, i) => {
      const param = /^\{(\w+)\}$/.exec(seg);
      if (!param) return seg.toLowerCase() === parts[i].toLowerCase();
      if (parts[i] === '') return false;
      try {
        params[param[1]] = decodeURIComponent(parts[i]);
      } catch {
        return false;
      }
      return true;
    });
    if (ok) return { name: route.name, template: route.template, params };
  }
  return undefined;
}
