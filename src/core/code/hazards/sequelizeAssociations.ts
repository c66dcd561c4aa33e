import { mentions, textOf, type Searchable } from '../wordSearch';
/**
 * Sequelize's association accessors: `User.hasMany(Post)` gives every user `getPosts()`, `countPosts()`,
 * `addPost()`…, each a query of its own, so `for (const u of users) await u.getPosts()` is a query per user. The
 * models are declared in one module and used in others: each file says which accessors its associations make, and
 * the workspace join treats a call of one that lands on no function of the workspace as a query.
 */

const ASSOCIATION = /\b(\w+)\.(hasMany|belongsToMany|hasOne|belongsTo)\(\s*(?:[\w]+\.)?(\w+)\s*(?:,\s*(\{[^}]*\}))?/g;

/** The accessor names the associations declared in a file make (`['getPosts', 'countPosts', 'addPost', …]`). */
export function sequelizeAccessorsOf(source: Searchable): string[] {
  const text = textOf(source);
  if ((!mentions(source, '.has') && !mentions(source, '.belongsTo')) || !/\.(hasMany|belongsToMany|hasOne|belongsTo)\(/.test(text)) return [];
  const out = new Set<string>();
  for (const m of text.matchAll(ASSOCIATION)) {
    const many = m[2] === 'hasMany' || m[2] === 'belongsToMany';
    const alias = /\bas\s*:\s*['"`](\w+)['"`]/.exec(m[4] ?? '')?.[1];
    const name = capitalize(alias ?? m[3]);
    if (!many) {
      for (const verb of ['get', 'set', 'create']) out.add(verb + name);
      continue;
    }
    // An alias of a hasMany is its plural (`as: 'posts'`); a model's name is singular (`Post`).
    const plural = alias ? name : pluralize(name);
    const singular = alias ? singularize(name) : name;
    for (const verb of ['get', 'count', 'has', 'set', 'add', 'remove']) out.add(verb + plural);
    for (const verb of ['has', 'add', 'remove', 'create']) out.add(verb + singular);
  }
  return [...out];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function pluralize(s: string): string {
  if (/[^aeiou]y$/.test(s)) return s.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(s)) return s + 'es';
  return s + 's';
}

function singularize(s: string): string {
  if (/ies$/.test(s)) return s.slice(0, -3) + 'y';
  if (/(s|x|z|ch|sh)es$/.test(s)) return s.slice(0, -2);
  return s.replace(/s$/, '');
}
