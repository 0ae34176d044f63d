/** Registers every element of the library. Providers first, so consumers already in the page find them. */
import './coze-playground.js';
