/** kubectl-diff style exit codes shared by every command. */
export const EXIT_OK = 0;
/** impact/comment: there are changes. */
export const EXIT_CHANGES = 1;
/** Invalid input, unreachable server, bad flags. */
export const EXIT_ERROR = 2;
/** --fail-on threshold reached. */
export const EXIT_THRESHOLD = 3;
