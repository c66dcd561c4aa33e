import type { LanguageFamily } from './hazards/callCatalogue';
import type { WordSearch } from './wordSearch';

/**
 * Which SQL databases a file's code opens: an embedded one (SQLite, in the service's own process) or one over the
 * network (PostgreSQL, MySQL, …, or an ORM whose database its configuration says). The join drops `query-in-loop` on
 * SQL queries in a service whose only database is embedded: there a query is a function call into a library, not a
 * round trip, and SQLite's authors show a page running 200 such queries as efficient ("Many Small Queries Are
 * Efficient In SQLite", https://sqlite.org/np1queryprob.html). ntfy's message cache and Trilium's notes were warned
 * of that as though each query crossed a network.
 *
 * Both are read from what the files import, in the service or, when its own files open no database (a worker using
 * the monorepo's `db` package), in the whole workspace. Anything that may reach a server, MongoDB included, makes
 * it not embedded: a mistake there keeps warnings, it does not hide one.
 */
export interface SqlEngines {
  embedded?: true;
  networked?: true;
}

/** Imports of SQLite drivers, per family. Not drizzle's `sqlite-core` (also Cloudflare D1's and Turso's, both remote). */
const EMBEDDED: Partial<Record<LanguageFamily, RegExp>> = {
  go: /"(?:github\.com\/mattn\/go-sqlite3|modernc\.org\/sqlite(?:\/lib)?|github\.com\/glebarez\/(?:go-)?sqlite|gorm\.io\/driver\/sqlite|github\.com\/ncruces\/go-sqlite3(?:\/[\w/]+)?|zombiezen\.com\/go\/sqlite(?:\/\w+)?|crawshaw\.io\/sqlite(?:\/\w+)?|github\.com\/uptrace\/bun\/driver\/sqliteshim)"/,
  js: /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"](?:better-sqlite3|sqlite3?|node:sqlite|bun:sqlite|drizzle-orm\/(?:better-sqlite3|bun-sqlite|node-sqlite))['"]/,
  python: /^[ \t]*(?:import[ \t]+(?:sqlite3|aiosqlite)\b|from[ \t]+(?:sqlite3|aiosqlite)[ \t]+import\b)/m,
};

/**
 * What says a file may reach a database server: client drivers, and ORMs and query builders that take their dialect
 * from configuration (Prisma, TypeORM, Django, SQLAlchemy…). Words first (cheap, and most files have none), then, in
 * JavaScript and Python, an import of one: Trilium names `text/x-mysql` among its MIME types. Java is not read: its
 * driver is a JDBC URL in the configuration, so a Java service is never taken for an embedded one. TypeORM
 * also as a fork published under a scope (`@n8n/typeorm`).
 */
const NETWORKED: Partial<Record<LanguageFamily, { words: string[]; imports?: RegExp }>> = {
  go: {
    // GORM v1 opens a server through its dialect packages, which import the driver themselves: statping-ng imports
    // `jinzhu/gorm/dialects/postgres` and `…/mysql` beside go-sqlite3, and its Compose runs PostgreSQL.
    words: ['lib/pq', 'jackc/pgx', 'go-sql-driver/mysql', 'gorm.io/driver/postgres', 'gorm.io/driver/mysql', 'gorm.io/driver/sqlserver', 'gorm.io/driver/clickhouse', 'jinzhu/gorm/dialects/postgres', 'jinzhu/gorm/dialects/mysql', 'jinzhu/gorm/dialects/mssql', 'go-mssqldb', 'go-ora', 'godror', 'clickhouse-go', 'bun/driver/pgdriver', 'dialect/pgdialect', 'dialect/mysqldialect', 'go-pg/pg'],
  },
  js: {
    words: ["'pg", '"pg', 'postgres', 'mysql', 'mssql', 'tedious', 'oracledb', '@prisma/', 'typeorm', 'sequelize', 'knex', 'kysely', 'drizzle-orm/', '@libsql/', '@neondatabase/', '@vercel/postgres', '@planetscale/', 'mikro-orm', 'objection', 'mongo'],
    // Not drizzle's SQLite drivers, nor its `sqlite-core` (the schema, whichever SQLite runs it: the driver says).
    imports:
      /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"](?:pg|pg-promise|postgres|mysql2?|mssql|tedious|oracledb|@prisma\/client|(?:@[\w.-]+\/)?typeorm|sequelize(?:-typescript)?|knex|kysely|drizzle-orm\/(?!better-sqlite3|bun-sqlite|node-sqlite|sqlite-core)[\w-]+|@libsql\/client|@neondatabase\/serverless|@vercel\/postgres|@planetscale\/database|@mikro-orm\/[\w-]+|objection|mongoose|mongodb)(?:\/[\w/-]*)?['"]/,
  },
  python: {
    words: ['psycopg', 'asyncpg', 'pymysql', 'MySQLdb', 'mysql', 'pymssql', 'pyodbc', 'cx_Oracle', 'oracledb', 'sqlalchemy', 'sqlmodel', 'django', 'peewee', 'tortoise'],
    imports: /^[ \t]*(?:import|from)[ \t]+(?:psycopg2?|psycopg|asyncpg|pymysql|MySQLdb|mysql\.connector|aiomysql|pymssql|pyodbc|cx_Oracle|oracledb|sqlalchemy|sqlmodel|flask_sqlalchemy|django|peewee|tortoise)\b/m,
  },
};

/** What this file says of its SQL databases; undefined when it says nothing. */
export function sqlEnginesOf(words: WordSearch, family: LanguageFamily): SqlEngines | undefined {
  const embedded = EMBEDDED[family];
  const out: SqlEngines = {};
  // Words first: the pair filter of WordSearch answers most files without a search.
  if (embedded && words.has('sqlite') && embedded.test(words.text)) out.embedded = true;
  const networked = NETWORKED[family];
  if (networked && networked.words.some((w) => words.has(w)) && (!networked.imports || networked.imports.test(words.text))) out.networked = true;
  return out.embedded || out.networked ? out : undefined;
}

/**
 * Query labels of the catalogue for stores that are not relational: a loop of them costs the same on any service.
 * Not the one rule for models of Sequelize, TypeORM and Mongoose alike (`Order.findOne`): a service that imports
 * Mongoose or MongoDB's driver is not embedded (NETWORKED), so in one that is, such a model is SQLite's.
 */
const NOT_SQL = /Redis|MongoDB|DynamoDB|Cosmos|Elasticsearch/;

/** A query of this catalogue label goes to a SQL database (directly, or through an ORM over one). */
export const isSqlQuery = (label: string): boolean => !NOT_SQL.test(label);
