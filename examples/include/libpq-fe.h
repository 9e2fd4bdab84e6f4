/*
** Declaration-only subset of libpq (PostgreSQL client library,
** https://www.postgresql.org/docs/current/libpq.html), just enough for the
** safedelete examples to parse. Signatures match the real libpq-fe.h;
** nothing here is meant to be linked.
*/
#ifndef SAFEDELETE_EXAMPLES_LIBPQ_FE_H
#define SAFEDELETE_EXAMPLES_LIBPQ_FE_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

typedef enum
{
	CONNECTION_OK,
	CONNECTION_BAD
} ConnStatusType;

typedef enum
{
	PGRES_EMPTY_QUERY = 0,
	PGRES_COMMAND_OK,
	PGRES_TUPLES_OK,
	PGRES_COPY_OUT,
	PGRES_COPY_IN,
	PGRES_BAD_RESPONSE,
	PGRES_NONFATAL_ERROR,
	PGRES_FATAL_ERROR,
	PGRES_COPY_BOTH,
	PGRES_SINGLE_TUPLE,
	PGRES_PIPELINE_SYNC,
	PGRES_PIPELINE_ABORTED
} ExecStatusType;

extern PGconn *PQconnectdb(const char *conninfo);
extern void PQfinish(PGconn *conn);
extern ConnStatusType PQstatus(const PGconn *conn);
extern char *PQerrorMessage(const PGconn *conn);

extern PGresult *PQexec(PGconn *conn, const char *query);
extern PGresult *PQexecParams(PGconn *conn,
							  const char *command,
							  int nParams,
							  const Oid *paramTypes,
							  const char *const *paramValues,
							  const int *paramLengths,
							  const int *paramFormats,
							  int resultFormat);
extern ExecStatusType PQresultStatus(const PGresult *res);
extern char *PQresultErrorMessage(const PGresult *res);
extern char *PQcmdTuples(PGresult *res);
extern void PQclear(PGresult *res);

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* SAFEDELETE_EXAMPLES_LIBPQ_FE_H */
