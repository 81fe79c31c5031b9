import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'westgate:auth:public';

/** Lets requests through without a token (health, metrics); every other handler needs one. */
export const Public = (): ClassDecorator & MethodDecorator => SetMetadata(IS_PUBLIC_KEY, true);
