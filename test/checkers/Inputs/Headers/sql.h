// Declaration-only subset of ODBC.
#pragma once
extern "C" {
typedef void *SQLHSTMT;
typedef unsigned char SQLCHAR;
typedef short SQLRETURN;
typedef int SQLINTEGER;
#define SQL_NTS (-3)
SQLRETURN SQLExecDirect(SQLHSTMT StatementHandle, SQLCHAR *StatementText,
                        SQLINTEGER TextLength);
SQLRETURN SQLPrepare(SQLHSTMT StatementHandle, SQLCHAR *StatementText,
                     SQLINTEGER TextLength);
}
