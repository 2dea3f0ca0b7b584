export const TOKEN_STORE = Symbol('TOKEN_STORE');
