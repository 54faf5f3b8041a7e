/** Who is asking, in the words the pages and the audit log use. Plain data: safe to import from client components. */

export type Role = 'viewer' | 'editor';

export interface Viewer {
  /** The id the audit log records: the user's email, or `anonymous` without sign-in (ATLAS_AUTH=none). */
  id: string;
  /** What the header shows. */
  name: string;
  email: string | null;
  role: Role;
  /** Group claims from the ID token (oidc mode); empty otherwise. */
  groups: string[];
  /** ATLAS_AUTH=none: nobody signed in; everyone who reaches the port is an editor. */
  anonymous: boolean;
}

/** What a client component may know about the viewer (ViewerProvider). */
export interface ViewerSummary {
  name: string;
  role: Role;
  signedIn: boolean;
}

/** The answer of a role check: the viewer, or why not, with the HTTP status that says it. */
export type RoleCheck = { ok: true; viewer: Viewer } | { ok: false; status: 401 | 403; error: string; viewer: Viewer | null };
