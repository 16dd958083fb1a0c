// The shapes an image reference takes in a YAML file, as located in the source text.

import type { ScalarSlot } from './scalar.js';

/** Which shape holds the reference (DESIGN.md §4). */
export type SiteForm = 'full' | 'split' | 'kustomize' | 'argocd-kustomize' | 'marker';

/** A `key: scalar` pair of a mapping, with where its bytes are. */
export interface FieldSlot {
  readonly key: string;
  /** The value scalar. For a value written as an alias, the anchored scalar it refers to. */
  readonly scalar: ScalarSlot;
  /** True when the value is an alias (`*name`): the anchored scalar is what gets edited. */
  readonly aliased: boolean;
  /** True when the pair comes from a merge key (`<<: *base`): it lives in the anchored mapping. */
  readonly inherited: boolean;
  /** Offset of the key's first character. */
  readonly keyStart: number;
  /** Offset just past the pair's value as written (the alias token for an alias). */
  readonly valueEnd: number;
}

/** The mapping holding a split or kustomize entry: where keys can be added or removed. */
export interface EntrySlot {
  /** `{ … }` rather than one key per line. */
  readonly flow: boolean;
  /** Offset of the mapping's first character. */
  readonly start: number;
  /** The mapping's own pairs whose value is a scalar (or an alias), in source order. */
  readonly fields: readonly FieldSlot[];
  /** Offset of the first key (block mappings: its column is the indentation of every key). */
  readonly firstKeyStart: number;
  /** Offset just past the value of the mapping's last pair. */
  readonly lastValueEnd: number;
  /** True when that value ends on the pair's last line (a scalar or an alias, not a nested block collection). */
  readonly lastIsInline: boolean;
}

/** A whole reference in one scalar: `prefix` + `name[:tag][@digest]` (prefix is `alias=` in Argo CD strings). */
export interface ReferenceTarget {
  readonly kind: 'reference';
  readonly scalar: ScalarSlot;
  readonly prefix: string;
  /** The name as written in the scalar (no tag or digest); undefined when the scalar is not a reference. */
  readonly writtenName: string | undefined;
}

/** A reference spread over sibling fields: Helm values, a kustomize `images:` entry, marked scalars. */
export interface FieldsTarget {
  readonly kind: 'fields';
  readonly shape: 'split' | 'kustomize' | 'marker';
  readonly tag?: FieldSlot;
  /** The digest field (`digest`, `newDigest`), holding `sha256:…`. */
  readonly digest?: FieldSlot;
  /** A `sha` field holding the bare hex of a sha256 digest (kube-prometheus-stack). */
  readonly sha?: FieldSlot;
  /** The mapping, when keys may be inserted or removed (not for markers). */
  readonly entry?: EntrySlot;
  /** The own field after which a missing tag is inserted (split: the repository; kustomize: the last field); else after the last pair. */
  readonly insertAfter?: FieldSlot;
  /** True when the tag field holds `tag@digest` (a digest written into the tag). */
  readonly digestInTag: boolean;
}

/** Where a site's bytes are and how its shape is written. Internal to locate/splice. */
export type SiteTarget = ReferenceTarget | FieldsTarget;

/** One place an image reference lives in a YAML stream. */
export interface ImageSite {
  readonly form: SiteForm;
  /** 0-based document index in the stream (empty documents count). */
  readonly doc: number;
  /** YAML path of the scalar (full, argocd-kustomize, marker) or of the mapping (split, kustomize entry). */
  readonly path: string;
  /** 1-based line of the scalar that would change (the tag's when there is one, else the name's). */
  readonly line: number;
  readonly column: number;
  /** The repository as written (split: registry joined with repository). */
  readonly name: string;
  /** The normalised match key; undefined when it cannot be resolved (never matched). */
  readonly repository: string | undefined;
  readonly tag?: string;
  readonly digest?: string;
  /** A `# gitops-bump: hold` comment freezes this site. */
  readonly held: boolean;
  /** The hold comment that freezes it (present when `held`). */
  readonly hold?: Hold;
  /** The aliases that read a value this site writes (present only when there are some): see {@link SharedUse}. */
  readonly shared?: readonly SharedUse[];
  /** Where the bytes are; used by `rewrite`. */
  readonly target: SiteTarget;
}

/** A `# gitops-bump: hold` comment: on the value's line, or on a comment line directly above it. */
export interface Hold {
  /** 1-based line of the comment. */
  readonly line: number;
  /** The text after `hold` (`until INC-42 is fixed`), when there is some. */
  readonly reason?: string;
}

/**
 * One alias (`*name`) in the document that reads a scalar a site writes: the alias names that scalar's anchor, or
 * an anchored collection holding it (a merge key `<<: *base` included). Aliases are never edited, so writing the
 * anchored scalar moves every alias of it. Who reads the value at the alias, seen from the site:
 * - `own`:   the site itself reads its value through this alias (`tag: *release`, `image: *img`, `<<: *base`);
 * - `copy`:  the alias repeats the site's whole image (another `image: *img`, an alias of the mapping holding it);
 * - `site`:  another image site reads the value there (through its own alias, or as a copy of it);
 * - `other`: a place that is not an image reference (`version: *release`, a mapping merging the tag that is not an image).
 */
export interface SharedUse {
  /** Offset of the anchored scalar read there (one of the site's tag, digest, sha or reference scalars). */
  readonly scalar: number;
  /** The anchor the alias names (`release` for `*release`). */
  readonly anchor: string;
  /** 1-based line and column of the alias. */
  readonly line: number;
  readonly column: number;
  readonly kind: 'own' | 'copy' | 'site' | 'other';
  /** A hold comment on the alias's line (or directly above it). */
  readonly hold?: Hold;
}

/** A site as a shape finds it, before its `held` flag is known, with every line a hold on which freezes it (its scalars' and keys' lines). */
export interface FoundSite extends Omit<ImageSite, 'held'> {
  readonly lines: readonly number[];
  /** For an image written as an alias (`image: *img`): the end offset of the alias it was found through. */
  readonly aliasEnd?: number;
}
