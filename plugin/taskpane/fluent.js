function p(t,e,r,o){var n=arguments.length,a=n<3?e:o===null?o=Object.getOwnPropertyDescriptor(e,r):o,i;if(typeof Reflect=="object"&&typeof Reflect.decorate=="function")a=Reflect.decorate(t,e,r,o);else for(var l=t.length-1;l>=0;l--)(i=t[l])&&(a=(n<3?i(a):n>3?i(e,r,a):i(e,r))||a);return n>3&&a&&Object.defineProperty(e,r,a),a}var Z=class{constructor(e,r,o=!1){this.evaluate=e,this.policy=r,this.isVolatile=o}};var v;(function(t){t[t.needsArrayObservation=1101]="needsArrayObservation",t[t.onlySetDOMPolicyOnce=1201]="onlySetDOMPolicyOnce",t[t.bindingInnerHTMLRequiresTrustedTypes=1202]="bindingInnerHTMLRequiresTrustedTypes",t[t.twoWayBindingRequiresObservables=1203]="twoWayBindingRequiresObservables",t[t.hostBindingWithoutHost=1204]="hostBindingWithoutHost",t[t.unsupportedBindingBehavior=1205]="unsupportedBindingBehavior",t[t.directCallToHTMLTagNotAllowed=1206]="directCallToHTMLTagNotAllowed",t[t.onlySetTemplatePolicyOnce=1207]="onlySetTemplatePolicyOnce",t[t.cannotSetTemplatePolicyAfterCompilation=1208]="cannotSetTemplatePolicyAfterCompilation",t[t.blockedByDOMPolicy=1209]="blockedByDOMPolicy",t[t.invalidHydrationAttributeMarker=1210]="invalidHydrationAttributeMarker",t[t.duplicateRenderInstruction=1211]="duplicateRenderInstruction",t[t.missingElementDefinition=1401]="missingElementDefinition",t[t.noRegistrationForContext=1501]="noRegistrationForContext",t[t.noFactoryForResolver=1502]="noFactoryForResolver",t[t.invalidResolverStrategy=1503]="invalidResolverStrategy",t[t.cannotAutoregisterDependency=1504]="cannotAutoregisterDependency",t[t.cannotResolveKey=1505]="cannotResolveKey",t[t.cannotConstructNativeFunction=1506]="cannotConstructNativeFunction",t[t.cannotJITRegisterNonConstructor=1507]="cannotJITRegisterNonConstructor",t[t.cannotJITRegisterIntrinsic=1508]="cannotJITRegisterIntrinsic",t[t.cannotJITRegisterInterface=1509]="cannotJITRegisterInterface",t[t.invalidResolver=1510]="invalidResolver",t[t.invalidKey=1511]="invalidKey",t[t.noDefaultResolver=1512]="noDefaultResolver",t[t.cyclicDependency=1513]="cyclicDependency",t[t.connectUpdateRequiresController=1514]="connectUpdateRequiresController"})(v||(v={}));var z=t=>typeof t=="function",N=t=>typeof t=="string",ir=()=>{};var nn=Object.create(null),x={warn(t,e){},error(t,e){return new Error(`Error ${t}`)},addMessages(t){Object.assign(nn,t)}};var sr=Object.freeze([]);function fe(){let t=new Map;return Object.freeze({register(e){return t.has(e.type)?!1:(t.set(e.type,e),!0)},getByType(e){return t.get(e)},getForInstance(e){if(e!=null)return t.get(e.constructor)}})}function Ge(){let t=new WeakMap;return function(e){let r=t.get(e);if(r===void 0){let o=Reflect.getPrototypeOf(e);for(;r===void 0&&o!==null;)r=t.get(o),o=Reflect.getPrototypeOf(o);r=r===void 0?[]:r.slice(0),t.set(e,r)}return r}}function F(t){t.prototype.toJSON=ir}var Xe=class extends Z{createObserver(){return this}bind(e){return this.evaluate(e.source,e.context)}};F(Xe);function qe(t,e){return new Xe(t,e)}var me=class{constructor(e,r){this.sub1=void 0,this.sub2=void 0,this.spillover=void 0,this.subject=e,this.sub1=r}has(e){return this.spillover===void 0?this.sub1===e||this.sub2===e:this.spillover.indexOf(e)!==-1}subscribe(e){let r=this.spillover;if(r===void 0){if(this.has(e))return;if(this.sub1===void 0){this.sub1=e;return}if(this.sub2===void 0){this.sub2=e;return}this.spillover=[this.sub1,this.sub2,e],this.sub1=void 0,this.sub2=void 0}else r.indexOf(e)===-1&&r.push(e)}unsubscribe(e){let r=this.spillover;if(r===void 0)this.sub1===e?this.sub1=void 0:this.sub2===e&&(this.sub2=void 0);else{let o=r.indexOf(e);o!==-1&&r.splice(o,1)}}notify(e){let r=this.spillover,o=this.subject;if(r===void 0){let n=this.sub1,a=this.sub2;n!==void 0&&n.handleChange(o,e),a!==void 0&&a.handleChange(o,e)}else for(let n=0,a=r.length;n<a;++n)r[n].handleChange(o,e)}},ve=class{constructor(e){this.subscribers={},this.subjectSubscribers=null,this.subject=e}notify(e){var r,o;(r=this.subscribers[e])===null||r===void 0||r.notify(e),(o=this.subjectSubscribers)===null||o===void 0||o.notify(e)}subscribe(e,r){var o,n;let a;r?a=(o=this.subscribers[r])!==null&&o!==void 0?o:this.subscribers[r]=new me(this.subject):a=(n=this.subjectSubscribers)!==null&&n!==void 0?n:this.subjectSubscribers=new me(this.subject),a.subscribe(e)}unsubscribe(e,r){var o,n;r?(o=this.subscribers[r])===null||o===void 0||o.unsubscribe(e):(n=this.subjectSubscribers)===null||n===void 0||n.unsubscribe(e)}};var j=[],At=[],an=globalThis.requestAnimationFrame,Tt=!0;function sn(){if(At.length)throw At.shift()}function ln(t){try{t.call()}catch(e){if(Tt)At.push(e),setTimeout(sn,0);else throw j.length=0,e}}function Ct(){let e=0;for(;e<j.length;)if(ln(j[e]),e++,e>1024){for(let r=0,o=j.length-e;r<o;r++)j[r]=j[r+e];j.length-=e,e=0}j.length=0}function lr(t){j.push(t),j.length<2&&(Tt?an(Ct):Ct())}var le=Object.freeze({enqueue:lr,next:()=>new Promise(lr),process:Ct,setMode:t=>Tt=t});var ee=Object.freeze({unknown:void 0,coupled:1}),g=(()=>{let t=le.enqueue,e=/(:|&&|\|\||if|\?\.)/,r=new WeakMap,o,n=c=>{throw x.error(v.needsArrayObservation)};function a(c){var s;let u=(s=c.$fastController)!==null&&s!==void 0?s:r.get(c);return u===void 0&&(Array.isArray(c)?u=n(c):r.set(c,u=new ve(c))),u}let i=Ge();class l{constructor(s){this.name=s,this.field=`_${s}`,this.callback=`${s}Changed`}getValue(s){return o!==void 0&&o.watch(s,this.name),s[this.field]}setValue(s,u){let f=this.field,b=s[f];if(b!==u){s[f]=u;let S=s[this.callback];z(S)&&S.call(s,b,u),a(s).notify(this.name)}}}class d extends me{constructor(s,u,f=!1){super(s,u),this.expression=s,this.isVolatileBinding=f,this.needsRefresh=!0,this.needsQueue=!0,this.isAsync=!0,this.first=this,this.last=null,this.propertySource=void 0,this.propertyName=void 0,this.notifier=void 0,this.next=void 0}setMode(s){this.isAsync=this.needsQueue=s}bind(s){let u=this.observe(s.source,s.context);return!s.isBound&&this.requiresUnbind(s)&&s.onUnbind(this),u}requiresUnbind(s){return s.sourceLifetime!==ee.coupled||this.first!==this.last||this.first.propertySource!==s.source}unbind(s){this.dispose()}observe(s,u){this.needsRefresh&&this.last!==null&&this.dispose();let f=o;o=this.needsRefresh?this:void 0,this.needsRefresh=this.isVolatileBinding;let b;try{b=this.expression(s,u)}finally{o=f}return b}disconnect(){this.dispose()}dispose(){if(this.last!==null){let s=this.first;for(;s!==void 0;)s.notifier.unsubscribe(this,s.propertyName),s=s.next;this.last=null,this.needsRefresh=this.needsQueue=this.isAsync}}watch(s,u){let f=this.last,b=a(s),S=f===null?this.first:{};if(S.propertySource=s,S.propertyName=u,S.notifier=b,b.subscribe(this,u),f!==null){if(!this.needsRefresh){let R;o=void 0,R=f.propertySource[f.propertyName],o=this,s===R&&(this.needsRefresh=!0)}f.next=S}this.last=S}handleChange(){this.needsQueue?(this.needsQueue=!1,t(this)):this.isAsync||this.call()}call(){this.last!==null&&(this.needsQueue=this.isAsync,this.notify(this))}*records(){let s=this.first;for(;s!==void 0;)yield s,s=s.next}}return F(d),Object.freeze({setArrayObserverFactory(c){n=c},getNotifier:a,track(c,s){o&&o.watch(c,s)},trackVolatile(){o&&(o.needsRefresh=!0)},notify(c,s){a(c).notify(s)},defineProperty(c,s){N(s)&&(s=new l(s)),i(c).push(s),Reflect.defineProperty(c,s.name,{enumerable:!0,get(){return s.getValue(this)},set(u){s.setValue(this,u)}})},getAccessors:i,binding(c,s,u=this.isVolatileBinding(c)){return new d(c,s,u)},isVolatileBinding(c){return e.test(c.toString())}})})();function E(t,e){g.defineProperty(t,e)}var cr=(()=>{let t=null;return{get(){return t},set(e){t=e}}})(),X=Object.freeze({default:{index:0,length:0,get event(){return X.getEvent()},eventDetail(){return this.event.detail},eventTarget(){return this.event.target}},getEvent(){return cr.get()},setEvent(t){cr.set(t)}});var $t=class extends Z{createObserver(e){return g.binding(this.evaluate,e,this.isVolatile)}};function Ue(t,e,r=g.isVolatileBinding(t)){return new $t(t,e,r)}var y=Object.freeze({none:0,attribute:1,booleanAttribute:2,property:3,content:4,tokenList:5,event:6}),dr=t=>t,cn=globalThis.trustedTypes?globalThis.trustedTypes.createPolicy("fast-html",{createHTML:dr}):{createHTML:dr},Ye=Object.freeze({createHTML(t){return cn.createHTML(t)},protect(t,e,r,o){return o}}),dn=Ye,q=Object.freeze({get policy(){return Ye},setPolicy(t){if(Ye!==dn)throw x.error(v.onlySetDOMPolicyOnce);Ye=t},setAttribute(t,e,r){r==null?t.removeAttribute(e):t.setAttribute(e,r)},setBooleanAttribute(t,e,r){r?t.setAttribute(e,""):t.removeAttribute(e)}});var It="boolean",ur="reflect",be=Object.freeze({locate:Ge()}),hr={toView(t){return t?"":null},fromView(t){return!!t}};function pr(t){if(t==null)return null;let e=t*1;return isNaN(e)?null:e}var Ht={toView(t){let e=pr(t);return e&&e.toString()},fromView:pr},Ce=class t{constructor(e,r,o=r.toLowerCase(),n=ur,a){this.guards=new Set,this.Owner=e,this.name=r,this.attribute=o,this.mode=n,this.converter=a,this.fieldName=`_${r}`,this.callbackName=`${r}Changed`,this.hasCallback=this.callbackName in e.prototype,n===It&&a===void 0&&(this.converter=hr)}setValue(e,r){let o=e[this.fieldName],n=this.converter;n!==void 0&&(r=n.fromView(r)),o!==r&&(e[this.fieldName]=r,this.tryReflectToAttribute(e),this.hasCallback&&e[this.callbackName](o,r),e.$fastController.notify(this.name))}getValue(e){return g.track(e,this.name),e[this.fieldName]}onAttributeChangedCallback(e,r){this.guards.has(e)||(this.guards.add(e),this.mode===It?this.setValue(e,r!==null):this.setValue(e,r),this.guards.delete(e))}tryReflectToAttribute(e){let r=this.mode,o=this.guards;o.has(e)||r==="fromView"||le.enqueue(()=>{o.add(e);let n=e[this.fieldName];switch(r){case ur:{let a=this.converter;q.setAttribute(e,this.attribute,a!==void 0?a.toView(n):n);break}case It:q.setBooleanAttribute(e,this.attribute,n);break}o.delete(e)})}static collect(e,...r){let o=[];r.push(be.locate(e));for(let n=0,a=r.length;n<a;++n){let i=r[n];if(i!==void 0)for(let l=0,d=i.length;l<d;++l){let c=i[l];N(c)?o.push(new t(e,c)):o.push(new t(e,c.property,c.attribute,c.mode,c.converter))}}return o}};function h(t,e){let r;function o(n,a){arguments.length>1&&(r.property=a),be.locate(n.constructor).push(r)}if(arguments.length>1){r={},o(t,e);return}return r=t===void 0?{}:t,o}var Et;function gr(t){return t.reduce((e,r)=>(r instanceof A?e.push(...gr(r.styles)):e.push(r),e),[])}var A=class t{get strategy(){return this._strategy===null&&(Et||t.setDefaultStrategy(t.supportsAdoptedStyleSheets?un():hn()),this.withStrategy(Et)),this._strategy}constructor(e){this.styles=e,this.targets=new WeakSet,this._strategy=null}addStylesTo(e){this.strategy.addStylesTo(e),this.targets.add(e)}removeStylesFrom(e){this.strategy.removeStylesFrom(e),this.targets.delete(e)}isAttachedTo(e){return this.targets.has(e)}withStrategy(e){return this._strategy=new e(gr(this.styles)),this}static setDefaultStrategy(e){Et=e}static normalize(e){return e===void 0?void 0:Array.isArray(e)?new t(e):e instanceof t?e:new t([e])}};A.supportsAdoptedStyleSheets=Array.isArray(document.adoptedStyleSheets)&&"replace"in CSSStyleSheet.prototype;function un(){let t=new Map;return class{constructor(r){this.sheets=r.map(o=>{if(o instanceof CSSStyleSheet)return o;let n=t.get(o);return n===void 0&&(n=new CSSStyleSheet,n.replaceSync(o),t.set(o,n)),n})}addStylesTo(r){let o=r;o.adoptedStyleSheets=[...o.adoptedStyleSheets,...this.sheets]}removeStylesFrom(r){let o=r;o.adoptedStyleSheets=o.adoptedStyleSheets.filter(n=>this.sheets.indexOf(n)===-1)}}}var pn=0;function hn(){return class{constructor(e){this.styles=e,this.styleClass=`fast-${++pn}`}addStylesTo(e){let r=e===document?document.body:e;for(let o=0;o<this.styles.length;o++){let n=document.createElement("style");n.innerHTML=this.styles[o],n.className=this.styleClass,r.append(n)}}removeStylesFrom(e){let r=e===document?document.body:e,o=r.querySelectorAll(`.${this.styleClass}`);for(let n=0,a=o.length;n<a;++n)r.removeChild(o[n])}}}var gn={},fr=new WeakMap,Lt=fe(),xe=Object.freeze({register(t){if(!Lt.register(t))return!1;let e=vr(t.registry);return Object.prototype.hasOwnProperty.call(e,t.name)||g.defineProperty(e,t.name),e[t.name]=t.type,!0},getByType:Lt.getByType,getForInstance:Lt.getForInstance,whenRegistered:fn});function vr(t=customElements){if(t===customElements)return gn;let e=fr.get(t);return e||(e={},fr.set(t,e)),e}function mr(t){return t===void 0?void 0:xe.getByType(t)}function fn(t,e=customElements){let r=vr(e);Object.prototype.hasOwnProperty.call(r,t)||g.defineProperty(r,t);let o=mr(r[t]);return o!==void 0?Promise.resolve(o):new Promise(n=>{let a=g.getNotifier(r),i={handleChange:()=>{let l=mr(r[t]);l!==void 0&&(a.unsubscribe(i,t),n(l))}};a.subscribe(i,t)})}var br={mode:"open"},xr={},yr=new Set,Je=new WeakMap,Ke=new WeakMap,ce=new WeakMap,kr=new WeakMap,mn=new WeakMap;function vn(t){return z(t)}function bn(t){return typeof t?.then=="function"}function Sr(t,e){if(Ke.delete(t),t.template===void 0&&e!==void 0&&(t.template=e),t.template!==void 0)return ce.delete(t),Je.delete(t),t.template}function Mt(t,e=t.registry,r){if(!r?.length)return;let o=t,n=kr.get(o);if(!n?.has(e)){n===void 0&&(n=new WeakSet,kr.set(o,n)),n.add(e);for(let a of r)a(t)}}function Qe(t){var e;return(e=mn.get(t))!==null&&e!==void 0?e:null}function Ot(t){if(t.template!==void 0)return ce.delete(t),t.template;let e=Ke.get(t);if(e)return e;let r=Je.get(t);if(!r)return;ce.delete(t);let o;try{o=r(t)}catch(n){throw ce.set(t,n),n}if(bn(o)){let n=Promise.resolve(o).then(a=>Sr(t,a)).catch(a=>{throw Ke.delete(t),ce.set(t,a),a});return Ke.set(t,n),n}return Sr(t,o)}function xn(t,e){let r=t;if(e===void 0){ce.delete(r);return}ce.set(r,e)}var L=class t{get isDefined(){return this.platformDefined}constructor(e,r=e.definition){var o;this.platformDefined=!1,N(r)&&(r={name:r}),this.type=e,this.name=r.name,this.registry=(o=r.registry)!==null&&o!==void 0?o:customElements,vn(r.template)?Je.set(this,r.template):this.template=r.template;let n=e.prototype,a=Ce.collect(e,r.attributes),i=new Array(a.length),l={},d={};for(let c=0,s=a.length;c<s;++c){let u=a[c];i[c]=u.attribute,l[u.name]=u,d[u.attribute]=u,g.defineProperty(n,u)}Reflect.defineProperty(e,"observedAttributes",{value:i,enumerable:!0}),this.attributes=a,this.propertyLookup=l,this.attributeLookup=d,this.shadowOptions=r.shadowOptions===void 0?br:r.shadowOptions===null?void 0:Object.assign(Object.assign({},br),r.shadowOptions),this.elementOptions=r.elementOptions===void 0?xr:Object.assign(Object.assign({},xr),r.elementOptions),this.styles=A.normalize(r.styles),this.schema=r.schema,xe.register(this)}define(e=this.registry,r){let o=this.type;if(!e.get(this.name)){if(Mt(this,e,r),this.template===void 0&&Je.has(this))return Promise.resolve().then(()=>Ot(this)).then(n=>{n!==void 0&&!e.get(this.name)&&(this.platformDefined=!0,e.define(this.name,o,this.elementOptions))}).catch(n=>{xn(this,n),g.notify(this,"template")}),this;this.platformDefined=!0,e.define(this.name,o,this.elementOptions)}return this}static compose(e,r){let o=yr.has(e)||xe.getByType(e)?new t(class extends e{},r):new t(e,r);return Promise.resolve(o)}static registerBaseType(e){yr.add(e)}};L.getByType=xe.getByType;L.getForInstance=xe.getForInstance;g.defineProperty(L.prototype,"template");var yn={bubbles:!0,composed:!0,cancelable:!0},Dt="isConnected",wr=new WeakMap,_t=Symbol("fast-late-attribute-observer");function Ze(t){var e,r;return(r=(e=t.shadowRoot)!==null&&e!==void 0?e:wr.get(t))!==null&&r!==void 0?r:null}var Br,C;(function(t){t[t.connecting=0]="connecting",t[t.connected=1]="connected",t[t.disconnecting=2]="disconnecting",t[t.disconnected=3]="disconnected"})(C||(C={}));var te=class t{get isConnected(){return g.track(this,Dt),this.stage===C.connected}get context(){var e,r;return(r=(e=this.view)===null||e===void 0?void 0:e.context)!==null&&r!==void 0?r:X.default}get isBound(){var e,r;return(r=(e=this.view)===null||e===void 0?void 0:e.isBound)!==null&&r!==void 0?r:!1}get sourceLifetime(){var e;return(e=this.view)===null||e===void 0?void 0:e.sourceLifetime}get template(){var e;if(this._template===null){let r=this.definition;this.source.resolveTemplate?this._template=this.source.resolveTemplate():r.template&&(this._template=(e=r.template)!==null&&e!==void 0?e:null)}return this._template}set template(e){this._template!==e&&(this._template=e,this.needsInitialization||this.renderTemplate(e))}get shadowOptions(){return this._shadowRootOptions}set shadowOptions(e){if(this._shadowRootOptions===void 0&&e!==void 0){this._shadowRootOptions=e;let r=this.source.shadowRoot;r?this.hasExistingShadowRoot=!0:(r=this.source.attachShadow(e),e.mode==="closed"&&wr.set(this.source,r))}}get mainStyles(){var e;if(this._mainStyles===null){let r=this.definition;this.source.resolveStyles?this._mainStyles=this.source.resolveStyles():r.styles&&(this._mainStyles=(e=r.styles)!==null&&e!==void 0?e:null)}return this._mainStyles}set mainStyles(e){this._mainStyles!==e&&(this._mainStyles!==null&&this.removeStyles(this._mainStyles),this._mainStyles=e,this.needsInitialization||this.addStyles(e))}constructor(e,r){this.boundObservables=null,this.needsInitialization=!0,this.hasExistingShadowRoot=!1,this.isPrerendered=new Promise(a=>{this._resolvePrerendered=a}),this.isHydrated=new Promise(a=>{this._resolveHydrated=a}),this._template=null,this.stage=C.disconnected,this.guardBehaviorConnection=!1,this.behaviors=null,this.behaviorsConnected=!1,this._mainStyles=null,this.$fastController=this,this.view=null,this._notifier=new ve(e),this.source=e,this.definition=r,this.shadowOptions=r.shadowOptions;let o=Reflect.getPrototypeOf(e),n=o===null?[]:g.getAccessors(o);if(n.length>0){let a=this.boundObservables=Object.create(null);for(let i=0,l=n.length;i<l;++i){let d=n[i].name,c=e[d];c!==void 0&&(delete e[d],a[d]=c)}Object.keys(a).length===0&&(this.boundObservables=null)}this.captureBoundObservables()}get subject(){return this._notifier.subject}notify(e){this._notifier.notify(e)}subscribe(e,r){this._notifier.subscribe(e,r)}unsubscribe(e,r){this._notifier.unsubscribe(e,r)}onUnbind(e){var r;(r=this.view)===null||r===void 0||r.onUnbind(e)}addBehavior(e){var r,o;let n=(r=this.behaviors)!==null&&r!==void 0?r:this.behaviors=new Map,a=(o=n.get(e))!==null&&o!==void 0?o:0;a===0?(n.set(e,1),e.addedCallback&&e.addedCallback(this),e.connectedCallback&&!this.guardBehaviorConnection&&(this.stage===C.connected||this.stage===C.connecting)&&e.connectedCallback(this)):n.set(e,a+1)}removeBehavior(e,r=!1){let o=this.behaviors;if(o===null)return;let n=o.get(e);n!==void 0&&(n===1||r?(o.delete(e),e.disconnectedCallback&&this.stage!==C.disconnected&&e.disconnectedCallback(this),e.removedCallback&&e.removedCallback(this)):o.set(e,n-1))}addStyles(e){var r;if(!e)return;let o=this.source;e instanceof HTMLElement?((r=Ze(o))!==null&&r!==void 0?r:this.source).append(e):e.isAttachedTo(o)||e.addStylesTo(o)}removeStyles(e){var r;if(!e)return;let o=this.source;e instanceof HTMLElement?((r=Ze(o))!==null&&r!==void 0?r:o).removeChild(e):e.isAttachedTo(o)&&e.removeStylesFrom(o)}connect(){this.stage===C.disconnected&&(this.stage=C.connecting,this.captureBoundObservables(),this.syncLateAttributes(),this.observeLateAttributes(),this.bindObservables(),this.connectBehaviors(),this.needsInitialization?(this.renderTemplate(this.template),this.addStyles(this.mainStyles),this.needsInitialization=!1):this.view!==null&&this.view.bind(this.source),this.stage=C.connected,g.notify(this,Dt))}bindObservables(){if(this.boundObservables!==null){let e=this.source,r=this.boundObservables,o=Object.keys(r);for(let n=0,a=o.length;n<a;++n){let i=o[n];e[i]=r[i]}this.boundObservables=null}}captureBoundObservables(){let e=this.source,r=Object.getOwnPropertyNames(e),o=a=>{let i=Reflect.getPrototypeOf(e);for(;i!==null;){let l=Reflect.getOwnPropertyDescriptor(i,a);if(l?.get||l?.set)return!0;i=Reflect.getPrototypeOf(i)}return!1},n=this.boundObservables;for(let a=0,i=r.length;a<i;++a){let d=r[a];if(!o(d))continue;let c=e[d];if(c===void 0){delete e[d];continue}delete e[d],(n??(n=this.boundObservables=Object.create(null)))[d]=c}}syncLateAttributes(){let e=Qe(this.definition);if(e!==null)for(let r of Object.keys(e))this.source.hasAttribute(r)&&this.onAttributeChangedCallback(r,null,this.source.getAttribute(r))}observeLateAttributes(){let e=Qe(this.definition);if(e===null)return;let r=this.source;r[_t]===void 0&&(r[_t]=new MutationObserver(o=>{let n=r.$fastController,a=Qe(n.definition);if(a!==null)for(let i=0,l=o.length;i<l;++i){let d=o[i].attributeName;d===null||a[d]===void 0||n.onAttributeChangedCallback(d,null,r.getAttribute(d))}}),r[_t].observe(r,{attributes:!0,attributeFilter:Object.keys(e)}))}connectBehaviors(){if(this.behaviorsConnected===!1){let e=this.behaviors;if(e!==null){this.guardBehaviorConnection=!0;for(let r of e.keys())r.connectedCallback&&r.connectedCallback(this);this.guardBehaviorConnection=!1}this.behaviorsConnected=!0}}disconnectBehaviors(){if(this.behaviorsConnected===!0){let e=this.behaviors;if(e!==null)for(let r of e.keys())r.disconnectedCallback&&r.disconnectedCallback(this);this.behaviorsConnected=!1}}disconnect(){this.stage===C.connected&&(this.stage=C.disconnecting,g.notify(this,Dt),this.view!==null&&this.view.unbind(),this.disconnectBehaviors(),this.stage=C.disconnected)}onAttributeChangedCallback(e,r,o){let n=this.definition.attributeLookup[e];n!==void 0&&n.onAttributeChangedCallback(this.source,o)}emit(e,r,o){return this.stage===C.connected?this.source.dispatchEvent(new CustomEvent(e,Object.assign(Object.assign({detail:r},yn),o))):!1}renderTemplate(e){var r;let o=this.source,n=(r=Ze(o))!==null&&r!==void 0?r:o;if(this.view!==null)this.view.dispose(),this.view=null;else if((!this.needsInitialization||this.hasExistingShadowRoot)&&(!this.hasExistingShadowRoot||!this.needsInitialization))for(let a=n.firstChild;a!==null;a=n.firstChild)n.removeChild(a);if(e){let a=this.hasExistingShadowRoot&&this.needsInitialization,i=!1;a&&t.hydrationHook&&(i=t.hydrationHook(this,e,o,n)),i||this.renderClientSide(e,o,n),this._resolvePrerendered(a),this._resolveHydrated(i)}else this.needsInitialization&&(this._resolvePrerendered(!1),this._resolveHydrated(!1))}renderClientSide(e,r,o){if(this.hasExistingShadowRoot){for(let n=o.firstChild;n!==null;n=o.firstChild)o.removeChild(n);this.hasExistingShadowRoot=!1}this.view=e.render(r,o,r),this.view.sourceLifetime=ee.coupled}static forCustomElement(e,r=!1){let o=e.$fastController;if(o!==void 0&&!r)return o;let n=L.getForInstance(e);if(n===void 0)throw x.error(v.missingElementDefinition);return g.getNotifier(n).subscribe({handleChange:()=>{t.forCustomElement(e,!0),e.$fastController.connect()}},"template"),g.getNotifier(n).subscribe({handleChange:()=>{t.forCustomElement(e,!0),e.$fastController.connect()}},"shadowOptions"),e.$fastController=new Br(e,n)}static setStrategy(e){Br=e}static installHydrationHook(e){t.hydrationHook=e}};te.hydrationHook=null;F(te);te.setStrategy(te);function et(t){var e;return"adoptedStyleSheets"in t?t:(e=Ze(t))!==null&&e!==void 0?e:t.getRootNode()}var tt=class t{constructor(e){let r=t.styleSheetCache;this.sheets=e.map(o=>{if(o instanceof CSSStyleSheet)return o;let n=r.get(o);return n===void 0&&(n=new CSSStyleSheet,n.replaceSync(o),r.set(o,n)),n})}addStylesTo(e){Nr(et(e),this.sheets)}removeStylesFrom(e){Fr(et(e),this.sheets)}};tt.styleSheetCache=new Map;var kn=0,Sn=()=>`fast-${++kn}`;function Pr(t){return t===document?document.body:t}var Rt=class{constructor(e){this.styles=e,this.styleClass=Sn()}addStylesTo(e){e=Pr(et(e));let r=this.styles,o=this.styleClass;for(let n=0;n<r.length;n++){let a=document.createElement("style");a.innerHTML=r[n],a.className=o,e.append(a)}}removeStylesFrom(e){e=Pr(et(e));let r=e.querySelectorAll(`.${this.styleClass}`);for(let o=0,n=r.length;o<n;++o)e.removeChild(r[o])}},Nr=(t,e)=>{t.adoptedStyleSheets=[...t.adoptedStyleSheets,...e]},Fr=(t,e)=>{t.adoptedStyleSheets=t.adoptedStyleSheets.filter(r=>e.indexOf(r)===-1)};if(A.supportsAdoptedStyleSheets){try{document.adoptedStyleSheets.push(),document.adoptedStyleSheets.splice(),Nr=(t,e)=>{t.adoptedStyleSheets.push(...e)},Fr=(t,e)=>{for(let r of e){let o=t.adoptedStyleSheets.indexOf(r);o!==-1&&t.adoptedStyleSheets.splice(o,1)}}}catch{}A.setDefaultStrategy(tt)}else A.setDefaultStrategy(Rt);function Ar(t){let e=class extends t{constructor(){super(),te.forCustomElement(this)}$emit(r,o,n){return this.$fastController.emit(r,o,n)}connectedCallback(){this.$fastController.connect()}disconnectedCallback(){this.$fastController.disconnect()}attributeChangedCallback(r,o,n){this.$fastController.onAttributeChangedCallback(r,o,n)}};return L.registerBaseType(e),e}function Bn(t){return typeof t?.then=="function"}function Pn(t,e,r){return Array.isArray(e)&&(r=e,e=void 0),(z(t)?L.compose(t,e):L.compose(this,t)).then(n=>{Mt(n,n.registry,r);let a=Ot(n);return Bn(a)?a.then(()=>n.define().type):n.define().type})}function wn(t){return Ar(t)}var U=Object.assign(Ar(HTMLElement),{from:wn,define:Pn});var zt=fe(),jt=Object.freeze({getForInstance:zt.getForInstance,getByType:zt.getByType,define(t){return zt.register({type:t}),t}});function Cr(t,e){let r=[],o="";for(let n=0,a=t.length-1;n<a;++n){o+=t[n];let i=e[n];jt.getForInstance(i)!==void 0&&(i=i.createCSS()),i instanceof A||i instanceof CSSStyleSheet?(o.trim()!==""&&(r.push(o),o=""),r.push(i)):o+=i}return o+=t[t.length-1],o.trim()!==""&&r.push(o),r}var M=((t,...e)=>new A(Cr(t,e))),rt=class{constructor(e){this.value=e.length===0?"":e.length===1?e[0]:new A(e)}createCSS(){return this.value}};jt.define(rt);M.partial=(t,...e)=>new rt(Cr(t,e));var Vt=`fast-${Math.random().toString(36).substring(2,8)}`,ot=`${Vt}{`,Te=`}${Vt}`,Nn=Te.length,Fn=0,$e=()=>`${Vt}-${++Fn}`,nt=Object.freeze({interpolation:t=>`${ot}${t}${Te}`,attribute:t=>`${$e()}="${ot}${t}${Te}"`,comment:t=>`<!--${ot}${t}${Te}-->`}),Ie=Object.freeze({parse(t,e){let r=t.split(ot);if(r.length===1)return null;let o=[];for(let n=0,a=r.length;n<a;++n){let i=r[n],l=i.indexOf(Te),d;if(l===-1)d=i;else{let c=i.substring(0,l);o.push(e[c]),d=i.substring(l+Nn)}d!==""&&o.push(d)}return o}});var Wt=fe(),w=Object.freeze({getForInstance:Wt.getForInstance,getByType:Wt.getByType,define(t,e){return e=e||{},e.type=t,Wt.register(e),t},assignAspect(t,e){if(!e){t.aspectType=y.content;return}switch(t.sourceAspect=e,e[0]){case":":t.targetAspect=e.substring(1),t.aspectType=t.targetAspect==="classList"?y.tokenList:y.property;break;case"?":t.targetAspect=e.substring(1),t.aspectType=y.booleanAttribute;break;case"@":t.targetAspect=e.substring(1),t.aspectType=y.event;break;default:t.targetAspect=e,t.aspectType=y.attribute;break}}});var de=class{constructor(e){this.options=e}createHTML(e){return nt.attribute(e(this))}createBehavior(){return this}};F(de);var An=t=>t.nodeType===1,Gt=t=>t?e=>e.nodeType===1&&e.matches(t):An,He=class extends de{get id(){return this._id}set id(e){this._id=e,this._controllerProperty=`${e}-c`}bind(e){let r=e.targets[this.targetNodeId];r[this._controllerProperty]=e,this.updateTarget(e.source,this.computeNodes(r)),this.observe(r),e.onUnbind(this)}unbind(e){let r=e.targets[this.targetNodeId];this.updateTarget(e.source,sr),this.disconnect(r),r[this._controllerProperty]=null}getSource(e){return e[this._controllerProperty].source}updateTarget(e,r){e[this.options.property]=r}computeNodes(e){let r=this.getNodes(e);return"filter"in this.options&&(r=r.filter(this.options.filter)),r}};var Tr=/fe-b\$\$start\$\$(\d+)\$\$(.+)\$\$fe-b/,Cn=/fe-b\$\$end\$\$(\d+)\$\$(.+)\$\$fe-b/,Tn=/fe-repeat\$\$start\$\$(\d+)\$\$fe-repeat/,$n=/fe-repeat\$\$end\$\$(\d+)\$\$fe-repeat/,In=/^(?:.{0,1000})fe-eb\$\$start\$\$(.+?)\$\$fe-eb/,Hn=/fe-eb\$\$end\$\$(.{0,1000})\$\$fe-eb(?:.{0,1000})$/;function $r(t){return t&&t.nodeType===Node.COMMENT_NODE}var $=Object.freeze({attributeMarkerName:"data-fe",legacyAttributeMarkerName:"data-fe-b",legacyCompactAttributeMarkerName:"data-fe-c",contentBindingStartMarker(){return"fe:b"},contentBindingEndMarker(){return"fe:/b"},repeatStartMarker(){return"fe:r"},repeatEndMarker(){return"fe:/r"},elementBoundaryStartMarker(){return"fe:e"},elementBoundaryEndMarker(){return"fe:/e"},isContentBindingStartMarker(t){return t==="fe:b"||Tr.test(t)},isContentBindingEndMarker(t){return t==="fe:/b"||Cn.test(t)},isRepeatViewStartMarker(t){return t==="fe:r"||Tn.test(t)},isRepeatViewEndMarker(t){return t==="fe:/r"||$n.test(t)},isElementBoundaryStartMarker(t){return $r(t)&&(t.data==="fe:e"||In.test(t.data))},isElementBoundaryEndMarker(t){return $r(t)&&(t.data==="fe:/e"||Hn.test(t.data))},parseAttributeBindingCount(t){let e=t.getAttribute(this.attributeMarkerName);if(e===null)return null;let r=e.trim();if(!/^\d+$/.test(r))throw x.error(v.invalidHydrationAttributeMarker,{value:e});let o=parseInt(r,10);if(o<1)throw x.error(v.invalidHydrationAttributeMarker,{value:e});return o},parseLegacyAttributeBindingIndices(t){let e=[],r=t.getAttribute(this.legacyAttributeMarkerName);if(r!==null)for(let a of r.trim().split(/\s+/)){if(a==="")continue;let i=Number(a);if(!Number.isInteger(i)||i<0)throw x.error(v.invalidHydrationAttributeMarker,{value:r});e.push(i)}let o=`${this.legacyAttributeMarkerName}-`,n=`${this.legacyCompactAttributeMarkerName}-`;for(let a of t.getAttributeNames())if(a.startsWith(o)){let i=Number(a.slice(o.length));if(!Number.isInteger(i)||i<0)throw x.error(v.invalidHydrationAttributeMarker,{value:a});e.push(i)}else if(a.startsWith(n)){let[i,l]=a.slice(n.length).split("-").map(d=>Number(d));if(!Number.isInteger(i)||!Number.isInteger(l)||i<0||l<1)throw x.error(v.invalidHydrationAttributeMarker,{value:a});for(let d=0;d<l;d++)e.push(i+d)}return e.length===0?null:e},removeLegacyAttributeBindingMarkers(t){t.removeAttribute(this.legacyAttributeMarkerName);for(let e of t.getAttributeNames())(e.startsWith(`${this.legacyAttributeMarkerName}-`)||e.startsWith(`${this.legacyCompactAttributeMarkerName}-`))&&t.removeAttribute(e)},parseLegacyContentBindingStartIndex(t){return En(Tr,t)}});function En(t,e){let r=t.exec(e);return r===null?null:Number(r[1])}var Ee=Symbol.for("fe-hydration");function at(t){return t[Ee]===Ee}var Ir="unknown";function Hr(t,e){let r=e?`: ${e}`:"";return`Hydration mismatch in <${t}>${r}. Install hydrationDebugger() from "@microsoft/fast-element/hydration.js" and pass it as enableHydration({ debugger: hydrationDebugger() }) for an "Expected / Received" report including the SSR HTML snippet.`}var Er="content following `<!--fe:b-->` content binding marker",Lr="matching `<!--fe:/b-->` content binding close marker",Mr="matching `<!--fe:/e-->` element boundary close marker";function Xt(t){return`no more attribute bindings (template defines ${t})`}function Or(t){return`no more content bindings (template defines ${t})`}function Dr(t,e){let r=(t??Ir).toLowerCase();return Hr(r,e)}var Ln={formatBindingMismatch(t,e,r,o){return{message:Dr(o,void 0)}},formatStructuralError(t,e,r){return{message:Dr(e,r)}}},Mn=Ln;function Y(){return Mn}function K(t){var e;return t?(e=t.getRootNode().host)===null||e===void 0?void 0:e.nodeName:void 0}var V=class extends Error{constructor(e,r,o,n,a){super(e),this.factories=r,this.node=o,this.expected=n,this.received=a}};function qt(t){return t.nodeType===Node.COMMENT_NODE}function _r(t){return t.nodeType===Node.TEXT_NODE}function Ut(t,e){let r=document.createRange();return r.setStart(t,0),r.setEnd(e,qt(e)||_r(e)?e.data.length:e.childNodes.length),r}function Rr(t,e,r){let o=Ut(t,e),n=o.commonAncestorContainer,a=document.createTreeWalker(n,NodeFilter.SHOW_ELEMENT+NodeFilter.SHOW_COMMENT+NodeFilter.SHOW_TEXT,{acceptNode(u){return o.comparePoint(u,0)===0?NodeFilter.FILTER_ACCEPT:NodeFilter.FILTER_REJECT}}),i={},l={},d=_n(r),c=d,s=a.currentNode=t;for(;s!==null;){switch(s.nodeType){case Node.ELEMENT_NODE:{let u=s,f=$.parseLegacyAttributeBindingIndices(u);if(f!==null){for(let S of f){let R=S+d,Q=r[R];if(!Q){let Ae=Xt(r.length),Ft=Y().formatStructuralError(s,K(s),Ae);throw new V(Ft.message,r,u,Ft.expected,Ft.received)}ye(Q,s,i),c=Math.max(c,R+1)}$.removeLegacyAttributeBindingMarkers(u);break}let b=$.parseAttributeBindingCount(u);if(b!==null){for(let S=0;S<b;S++){let R=r[c++];if(!R){let Q=Xt(r.length),Ae=Y().formatStructuralError(s,K(s),Q);throw new V(Ae.message,r,s,Ae.expected,Ae.received)}ye(R,s,i)}u.removeAttribute($.attributeMarkerName)}break}case Node.COMMENT_NODE:{let u=s.data;if($.isElementBoundaryStartMarker(s))s.data="",Dn(a,r,s);else if($.isContentBindingStartMarker(u)){let f=$.parseLegacyContentBindingStartIndex(u),b=f===null?c++:f+d,S=r[b];if(c=Math.max(c,b+1),!S){let R=Or(r.length),Q=Y().formatStructuralError(s,K(s),R);throw new V(Q.message,r,s,Q.expected,Q.received)}On(s,a,S,r,i,l)}break}}s=a.nextNode()}return o.detach(),{targets:i,boundaries:l}}function On(t,e,r,o,n,a){let i=[],l=e.nextSibling();if(t.data="",l===null){let s=Er,u=Y().formatStructuralError(t,K(t),s);throw new V(u.message,o,t,u.expected,u.received)}let d=l,c=0;for(;l!==null;){if(qt(l)){if($.isContentBindingStartMarker(l.data))c++;else if($.isContentBindingEndMarker(l.data)){if(c===0)break;c--}}i.push(l),l=e.nextSibling()}if(l===null){let s=Lr,u=Y().formatStructuralError(t,K(t),s);throw new V(u.message,o,t,u.expected,u.received)}if(l.data="",i.length===1&&_r(i[0]))ye(r,i[0],n);else{l!==d&&l.previousSibling!==null&&(a[r.targetNodeId]={first:d,last:l.previousSibling});let s=l.parentNode.insertBefore(document.createTextNode(""),l);ye(r,s,n)}}function Dn(t,e,r){let o=0,n=t.nextSibling();for(;n!==null;){if(qt(n)){if($.isElementBoundaryStartMarker(n))n.data="",o++;else if($.isElementBoundaryEndMarker(n)){if(o===0){n.data="";return}n.data="",o--}}n=t.nextSibling()}let a=Mr,i=Y().formatStructuralError(r,K(r),a);throw new V(i.message,e,r,i.expected,i.received)}function _n(t){let e=0;for(let r=0,o=t.length;r<o&&t[r].targetNodeId==="h";++r)e++;return e}function ye(t,e,r){if(t.targetNodeId===void 0)throw new Error("Factory could not be target to the node");r[t.targetNodeId]=e}function ke(t,e){let r=t.parentNode,o=t,n;for(;o!==e;){if(n=o.nextSibling,!n)throw new Error(`Unmatched first/last child inside "${e.getRootNode().host.nodeName}".`);r.removeChild(o),o=n}r.removeChild(e)}var Le=class{constructor(){this.index=0,this.length=0}get event(){return X.getEvent()}get isEven(){return this.index%2===0}get isOdd(){return this.index%2!==0}get isFirst(){return this.index===0}get isInMiddle(){return!this.isFirst&&!this.isLast}get isLast(){return this.index===this.length-1}eventDetail(){return this.event.detail}eventTarget(){return this.event.target}},ue=class extends Le{constructor(e,r,o){super(),this.fragment=e,this.factories=r,this.targets=o,this.behaviors=null,this.unbindables=[],this.source=null,this.isBound=!1,this.sourceLifetime=ee.unknown,this._skipAttrUpdates=!1,this.isPrerendered=Promise.resolve(!1),this.isHydrated=Promise.resolve(!1),this.context=this,this.firstChild=e.firstChild,this.lastChild=e.lastChild}appendTo(e){e.appendChild(this.fragment)}insertBefore(e){if(this.fragment.hasChildNodes())e.parentNode.insertBefore(this.fragment,e);else{let r=this.lastChild;if(e.previousSibling===r)return;let o=e.parentNode,n=this.firstChild,a;for(;n!==r;)a=n.nextSibling,o.insertBefore(n,e),n=a;o.insertBefore(r,e)}}remove(){let e=this.fragment,r=this.lastChild,o=this.firstChild,n;for(;o!==r;)n=o.nextSibling,e.appendChild(o),o=n;e.appendChild(r)}dispose(){ke(this.firstChild,this.lastChild),this.unbind()}onUnbind(e){this.unbindables.push(e)}bind(e,r=this){if(this.source===e&&this.context===r)return;let o=this.behaviors;if(o===null){this.source=e,this.context=r,this.behaviors=o=new Array(this.factories.length);let n=this.factories;for(let a=0,i=n.length;a<i;++a){let l=n[a].createBehavior();l.bind(this),o[a]=l}}else{this.source!==null&&this.evaluateUnbindables(),this.isBound=!1,this.source=e,this.context=r;for(let n=0,a=o.length;n<a;++n)o[n].bind(this)}this.isBound=!0}unbind(){!this.isBound||this.source===null||(this.evaluateUnbindables(),this.source=null,this.context=this,this.isBound=!1)}evaluateUnbindables(){let e=this.unbindables;for(let r=0,o=e.length;r<o;++r)e[r].unbind(this);e.length=0}static disposeContiguousBatch(e){if(e.length!==0){ke(e[0].firstChild,e[e.length-1].lastChild);for(let r=0,o=e.length;r<o;++r)e[r].unbind()}}};F(ue);g.defineProperty(ue.prototype,"index");g.defineProperty(ue.prototype,"length");var zr,pe={unhydrated:"unhydrated",hydrating:"hydrating",hydrated:"hydrated"},Yt=class extends Error{constructor(e,r,o,n,a,i){super(e),this.factory=r,this.fragment=o,this.templateString=n,this.expected=a,this.received=i}},Kt=class extends Le{get hydrationStage(){return this._hydrationStage}get targets(){return this._targets}get bindingViewBoundaries(){return this._bindingViewBoundaries}constructor(e,r,o,n){super(),this.firstChild=e,this.lastChild=r,this.sourceTemplate=o,this.hostBindingTarget=n,this[zr]=Ee,this.context=this,this.source=null,this.isBound=!1,this.sourceLifetime=ee.unknown,this.unbindables=[],this.fragment=null,this.behaviors=null,this._hydrationStage=pe.unhydrated,this._bindingViewBoundaries={},this._targets={},this.factories=o.compile().factories}insertBefore(e){if(this.fragment!==null)if(this.fragment.hasChildNodes())e.parentNode.insertBefore(this.fragment,e);else{let r=this.lastChild;if(e.previousSibling===r)return;let o=e.parentNode,n=this.firstChild,a;for(;n!==r;)a=n.nextSibling,o.insertBefore(n,e),n=a;o.insertBefore(r,e)}}appendTo(e){this.fragment!==null&&e.appendChild(this.fragment)}remove(){let e=this.fragment||(this.fragment=document.createDocumentFragment()),r=this.lastChild,o=this.firstChild,n;for(;o!==r;){if(n=o.nextSibling,!n)throw new Error(`Unmatched first/last child inside "${r.getRootNode().host.nodeName}".`);e.appendChild(o),o=n}e.appendChild(r)}bind(e,r=this){if(this.source===e&&this.context===r)return;this.hydrationStage!==pe.hydrated&&(this._hydrationStage=pe.hydrating);let o=this.behaviors;if(o===null){this.source=e,this.context=r;try{let{targets:a,boundaries:i}=Rr(this.firstChild,this.lastChild,this.factories);this._targets=a,this._bindingViewBoundaries=i}catch(a){if(a instanceof V){let i=this.sourceTemplate.html;typeof i!="string"&&(i=i.innerHTML),a.templateString=i}throw a}this.behaviors=o=new Array(this.factories.length);let n=this.factories;for(let a=0,i=n.length;a<i;++a){let l=n[a];if(l.targetNodeId==="h"&&this.hostBindingTarget&&ye(l,this.hostBindingTarget,this._targets),l.targetNodeId in this.targets){let d=l.createBehavior();d.bind(this),o[a]=d}else{let d=this.sourceTemplate.html;typeof d!="string"&&(d=d.innerHTML);let c=Ut(this.firstChild,this.lastChild).cloneContents(),s=Y().formatBindingMismatch(l,this.firstChild,this.lastChild,K(this.firstChild));throw new Yt(s.message,l,c,d,s.expected,s.received)}}}else{this.source!==null&&this.evaluateUnbindables(),this.isBound=!1,this.source=e,this.context=r;for(let n=0,a=o.length;n<a;++n)o[n].bind(this)}this.isBound=!0,this._hydrationStage=pe.hydrated}unbind(){!this.isBound||this.source===null||(this.evaluateUnbindables(),this.source=null,this.context=this,this.isBound=!1)}dispose(){ke(this.firstChild,this.lastChild),this.unbind()}onUnbind(e){this.unbindables.push(e)}evaluateUnbindables(){let e=this.unbindables;for(let r=0,o=e.length;r<o;++r)e[r].unbind(this);e.length=0}};zr=Ee;F(Kt);function Rn(t){return t.create!==void 0}function zn(t,e,r,o){if(r==null&&(r=""),Rn(r)){t.textContent="";let n=t.$fastView;if(n===void 0)if(at(o)&&at(r)&&o.bindingViewBoundaries[this.targetNodeId]!==void 0&&o.hydrationStage!==pe.hydrated){let a=o.bindingViewBoundaries[this.targetNodeId];n=r.hydrate(a.first,a.last)}else n=r.create();else t.$fastTemplate!==r&&(n.isComposed&&(n.remove(),n.unbind()),n=r.create());n.isComposed?n.needsBindOnly&&(n.needsBindOnly=!1,n.bind(o.source,o.context)):(n.isComposed=!0,n.bind(o.source,o.context),n.insertBefore(t),t.$fastView=n,t.$fastTemplate=r)}else{let n=t.$fastView;if(n!==void 0&&n.isComposed&&(n.isComposed=!1,n.remove(),n.needsBindOnly?n.needsBindOnly=!1:n.unbind()),n===void 0&&at(o)&&o.hydrationStage!==pe.hydrated){let a=o.bindingViewBoundaries[this.targetNodeId];a!==void 0&&(ke(a.first,a.last),delete o.bindingViewBoundaries[this.targetNodeId])}t.textContent=r}}function jn(t,e,r){var o;let n=`${this.id}-t`,a=(o=t[n])!==null&&o!==void 0?o:t[n]={v:0,cv:Object.create(null)},i=a.cv,l=a.v,d=t[e];if(r!=null&&r.length){let c=r.split(/\s+/);for(let s=0,u=c.length;s<u;++s){let f=c[s];f!==""&&(i[f]=l,d.add(f))}}if(a.v=l+1,l!==0){l-=1;for(let c in i)i[c]===l&&d.remove(c)}}var Vn={[y.attribute]:q.setAttribute,[y.booleanAttribute]:q.setBooleanAttribute,[y.property]:(t,e,r)=>t[e]=r,[y.content]:zn,[y.tokenList]:jn,[y.event]:()=>{}},W=class{constructor(e){this.updateTarget=null,this.aspectType=y.content,this.dataBinding=e}createHTML(e){return nt.interpolation(e(this))}createBehavior(){var e;if(this.updateTarget===null){let r=Vn[this.aspectType],o=(e=this.dataBinding.policy)!==null&&e!==void 0?e:this.policy;if(!r)throw x.error(v.unsupportedBindingBehavior);this.data=`${this.id}-d`,this.updateTarget=o.protect(this.targetTagName,this.aspectType,this.targetAspect,r)}return this}bind(e){var r;let o=e.targets[this.targetNodeId];switch(this.aspectType){case y.event:o[this.data]=e,o.addEventListener(this.targetAspect,this,this.dataBinding.options);break;case y.content:e.onUnbind(this);default:{let n=(r=o[this.data])!==null&&r!==void 0?r:o[this.data]=this.dataBinding.createObserver(this,this);n.target=o,n.controller=e;let a=n.bind(e);if(e._skipAttrUpdates&&(this.aspectType===y.attribute||this.aspectType===y.booleanAttribute))break;this.updateTarget(o,this.targetAspect,a,e);break}}}unbind(e){let o=e.targets[this.targetNodeId].$fastView;o!==void 0&&o.isComposed&&(o.unbind(),o.needsBindOnly=!0)}handleEvent(e){let r=e.currentTarget[this.data];if(r.isBound){X.setEvent(e);let o=this.dataBinding.evaluate(r.source,r.context);X.setEvent(null),o!==!0&&e.preventDefault()}}handleChange(e,r){let o=r.controller;if(!o.isBound)return;let n=r.target;this.updateTarget(n,this.targetAspect,r.bind(o),o)}};w.define(W,{aspected:!0});var Gr=(t,e)=>`${t}.${e}`,jr={},G={index:0,node:null};function Vr(t){t.startsWith("fast-")||x.warn(v.hostBindingWithoutHost,{name:t})}var Wn=new Proxy(document.createElement("div"),{get(t,e){Vr(e);let r=Reflect.get(t,e);return z(r)?r.bind(t):r},set(t,e,r){return Vr(e),Reflect.set(t,e,r)}}),Jt=class{constructor(e,r,o){this.fragment=e,this.directives=r,this.policy=o,this.proto=null,this.nodeIds=new Set,this.descriptors={},this.factories=[]}addFactory(e,r,o,n,a){var i,l;this.nodeIds.has(o)||(this.nodeIds.add(o),this.addTargetDescriptor(r,o,n)),e.id=(i=e.id)!==null&&i!==void 0?i:$e(),e.targetNodeId=o,e.targetTagName=a,e.policy=(l=e.policy)!==null&&l!==void 0?l:this.policy,this.factories.push(e)}freeze(){return this.proto=Object.create(null,this.descriptors),this}addTargetDescriptor(e,r,o){let n=this.descriptors;if(r==="r"||r==="h"||n[r])return;if(!n[e]){let i=e.lastIndexOf("."),l=e.substring(0,i),d=parseInt(e.substring(i+1),10);this.addTargetDescriptor(l,e,d)}let a=jr[r];if(!a){let i=`_${r}`;jr[r]=a={get(){var l;return(l=this[i])!==null&&l!==void 0?l:this[i]=this[e].childNodes[o]}}}n[r]=a}createView(e){let r=this.fragment.cloneNode(!0),o=Object.create(this.proto);o.r=r,o.h=e??Wn;for(let n of this.nodeIds)Reflect.get(o,n);return new ue(r,this.factories,o)}};function Xr(t,e,r,o,n,a=!1){let i=r.attributes,l=t.directives;for(let d=0,c=i.length;d<c;++d){let s=i[d],u=s.value,f=Ie.parse(u,l),b=null;f===null?a&&(b=new W(qe(()=>u,t.policy)),w.assignAspect(b,s.name)):b=it.aggregate(f,t.policy),b!==null&&(r.removeAttributeNode(s),d--,c--,t.addFactory(b,e,o,n,r.tagName))}}function Gn(t,e,r,o,n){let a=Ie.parse(e.textContent,t.directives);if(a===null)return G.node=e.nextSibling,G.index=n+1,G;let i,l=i=e;for(let d=0,c=a.length;d<c;++d){let s=a[d];d!==0&&(n++,o=Gr(r,n),i=l.parentNode.insertBefore(document.createTextNode(""),l.nextSibling)),N(s)?i.textContent=s:(i.textContent=" ",w.assignAspect(s),t.addFactory(s,r,o,n,null)),l=i}return G.index=n+1,G.node=l.nextSibling,G}function qr(t,e,r){let o=0,n=e.firstChild;for(;n;){let a=Xn(t,r,n,o);n=a.node,o=a.index}}function Xn(t,e,r,o){let n=Gr(e,o);switch(r.nodeType){case 1:Xr(t,e,r,n,o),qr(t,r,n);break;case 3:return Gn(t,r,e,n,o);case 8:{let a=Ie.parse(r.data,t.directives);a!==null&&t.addFactory(it.aggregate(a),e,n,o,null);break}}return G.index=o+1,G.node=r.nextSibling,G}function qn(t,e){return t&&t.nodeType===8&&Ie.parse(t.data,e)!==null}var Wr="TEMPLATE",it={compile(t,e,r=q.policy){let o;if(N(t)){o=document.createElement(Wr),o.innerHTML=r.createHTML(t);let i=o.content.firstElementChild;i!==null&&i.tagName===Wr&&(o=i)}else o=t;!o.content.firstChild&&!o.content.lastChild&&o.content.appendChild(document.createComment(""));let n=document.adoptNode(o.content),a=new Jt(n,e,r);return Xr(a,"",o,"h",0,!0),(qn(n.firstChild,e)||n.childNodes.length===1&&Object.keys(e).length>0)&&n.insertBefore(document.createComment(""),n.firstChild),qr(a,n,"r"),G.node=null,a.freeze()},setDefaultStrategy(t){this.compile=t},aggregate(t,e=q.policy){if(t.length===1)return t[0];let r,o=!1,n,a=t.length,i=t.map(c=>N(c)?()=>c:(r=c.sourceAspect||r,o=o||c.dataBinding.isVolatile,n=n||c.dataBinding.policy,c.dataBinding.evaluate)),l=(c,s)=>{let u="";for(let f=0;f<a;++f)u+=i[f](c,s);return u},d=new W(Ue(l,n??e,o));return w.assignAspect(d,r),d}};var Me=class extends de{bind(e){e.source[this.options]=e.targets[this.targetNodeId]}};w.define(Me);var Se=t=>new Me(t);var Un=/([ \x09\x0a\x0c\x0d])([^\0-\x1F\x7F-\x9F "'>=/]+)([ \x09\x0a\x0c\x0d]*=[ \x09\x0a\x0c\x0d]*(?:[^ \x09\x0a\x0c\x0d"'`<>=]*|"[^"]*|'[^']*))$/,Yn=Object.create(null),O=class{constructor(e,r=Yn){this.html=e,this.factories=r}createHTML(e){let r=this.factories;for(let o in r)e(r[o]);return this.html}};O.empty=new O("");w.define(O);function Kn(t,e,r,o=w.getForInstance(t)){if(o.aspected){let n=Un.exec(e);n!==null&&w.assignAspect(t,n[2])}return t.createHTML(r)}var Oe=class t{constructor(e,r={},o){this.policy=o,this.result=null,this.html=e,this.factories=r}compile(){return this.result===null&&(this.result=it.compile(this.html,this.factories,this.policy)),this.result}inline(){return new O(N(this.html)?this.html:this.html.innerHTML,this.factories)}withPolicy(e){if(this.result)throw x.error(v.cannotSetTemplatePolicyAfterCompilation);if(this.policy)throw x.error(v.onlySetTemplatePolicyOnce);return this.policy=e,this}render(e,r,o){let n=this.create(o);return n.bind(e),n.appendTo(r),n}create(e){return this.compile().createView(e)}static create(e,r,o){let n="",a=Object.create(null),i=l=>{var d;let c=(d=l.id)!==null&&d!==void 0?d:l.id=$e();return a[c]=l,c};for(let l=0,d=e.length-1;l<d;++l){let c=e[l],s=r[l],u;if(n+=c,z(s))s=new W(Ue(s));else if(s instanceof Z)s=new W(s);else if(!(u=w.getForInstance(s))){let f=s;s=new W(qe(()=>f))}n+=Kn(s,c,i,u)}return new t(n+e[e.length-1],a,o)}};F(Oe);var k=((t,...e)=>{if(Array.isArray(t)&&Array.isArray(t.raw))return Oe.create(t,e);throw x.error(v.directCallToHTMLTagNotAllowed)});k.partial=t=>new O(t);var Ur="slotchange",De=class extends He{observe(e){e.addEventListener(Ur,this)}disconnect(e){e.removeEventListener(Ur,this)}getNodes(e){return e.assignedNodes(this.options)}handleEvent(e){let r=e.currentTarget;this.updateTarget(this.getSource(r),this.computeNodes(r))}};w.define(De);function _e(t){return N(t)&&(t={property:t}),new De(t)}function J(t){return t?typeof t=="string"?new O(t):"inline"in t?t.inline():t:O.empty}var Be=class{};function Yr(t){return k` <slot name="end" ${Se("end")}>${J(t.end)}</slot> `.inline()}function st(t){return k` <slot name="start" ${Se("start")}>${J(t.start)}</slot> `.inline()}function lt(t,...e){let r=be.locate(t);e.forEach(o=>{Object.getOwnPropertyNames(o.prototype).forEach(a=>{a!=="constructor"&&Object.defineProperty(t.prototype,a,Object.getOwnPropertyDescriptor(o.prototype,a))}),be.locate(o).forEach(a=>r.push(a))})}function ct(t){let e=t.ownerDocument;t?.isConnected&&t?.hasAttribute("autofocus")&&t?.checkVisibility?.({contentVisibilityAuto:!0,visibilityProperty:!0})&&[null,t,e.body,e.documentElement].includes(e.activeElement)&&le.enqueue(()=>{t.focus()})}var B=Object.freeze({prefix:"fluent",shadowRootMode:"open",registry:globalThis.customElements});var Re={submit:"submit",reset:"reset",button:"button"};var Kr=`${B.prefix}-button`;var P=class extends U{disabledChanged(){this.setTabIndex()}disabledFocusableChanged(e,r){this.elementInternals&&(this.elementInternals.ariaDisabled=`${!!r}`)}get form(){return this.elementInternals.form}static{this.formAssociated=!0}get labels(){return Object.freeze(Array.from(this.elementInternals.labels))}typeChanged(e,r){r!==Re.submit&&(this.formSubmissionFallbackControl?.remove(),this.shadowRoot?.querySelector('slot[name="internal"]')?.remove())}clickHandler(e){if(e&&this.disabledFocusable){e.stopImmediatePropagation();return}return this.press(),!0}connectedCallback(){super.connectedCallback(),this.elementInternals.ariaDisabled=`${!!this.disabledFocusable}`,this.setTabIndex(),ct(this)}constructor(){super(),this.disabledFocusable=!1,this.elementInternals=this.attachInternals(),this.elementInternals.role="button"}createAndInsertFormSubmissionFallbackControl(){let e=this.formSubmissionFallbackControlSlot??document.createElement("slot");e.setAttribute("name","internal"),this.shadowRoot?.appendChild(e),this.formSubmissionFallbackControlSlot=e;let r=this.formSubmissionFallbackControl??document.createElement("button");r.style.display="none",r.setAttribute("type","submit"),r.setAttribute("slot","internal"),this.formNoValidate&&r.toggleAttribute("formnovalidate",!0),this.elementInternals.form?.id&&r.setAttribute("form",this.elementInternals.form.id),this.name&&r.setAttribute("name",this.name),this.value&&r.setAttribute("value",this.value),this.formAction&&r.setAttribute("formaction",this.formAction??""),this.formEnctype&&r.setAttribute("formenctype",this.formEnctype??""),this.formMethod&&r.setAttribute("formmethod",this.formMethod??""),this.formTarget&&r.setAttribute("formtarget",this.formTarget??""),this.append(r),this.formSubmissionFallbackControl=r}formDisabledCallback(e){this.disabled=e}keypressHandler(e){if(e&&this.disabledFocusable){e.stopImmediatePropagation();return}if(e.key==="Enter"||e.key===" "){this.click();return}return!0}press(){switch(this.type){case Re.reset:{this.resetForm();break}case Re.submit:{this.submitForm();break}}}resetForm(){this.elementInternals.form?.reset()}setTabIndex(){if(this.disabled){this.removeAttribute("tabindex");return}this.tabIndex=Number(this.getAttribute("tabindex")??0)<0?-1:0}submitForm(){if(!(!this.elementInternals.form||this.disabled||this.type!==Re.submit)){if(!this.name&&!this.formAction&&!this.formEnctype&&!this.formAttribute&&!this.formMethod&&!this.formNoValidate&&!this.formTarget){this.elementInternals.form.requestSubmit();return}try{this.elementInternals.setFormValue(this.value??""),this.elementInternals.form.requestSubmit(this)}catch{this.createAndInsertFormSubmissionFallbackControl(),this.elementInternals.setFormValue(null),this.elementInternals.form.requestSubmit(this.formSubmissionFallbackControl)}}}};p([E],P.prototype,"defaultSlottedContent",void 0);p([h({mode:"boolean"})],P.prototype,"disabled",void 0);p([h({attribute:"disabled-focusable",mode:"boolean"})],P.prototype,"disabledFocusable",void 0);p([h({attribute:"formaction"})],P.prototype,"formAction",void 0);p([h({attribute:"form"})],P.prototype,"formAttribute",void 0);p([h({attribute:"formenctype"})],P.prototype,"formEnctype",void 0);p([h({attribute:"formmethod"})],P.prototype,"formMethod",void 0);p([h({attribute:"formnovalidate",mode:"boolean"})],P.prototype,"formNoValidate",void 0);p([h({attribute:"formtarget"})],P.prototype,"formTarget",void 0);p([h],P.prototype,"name",void 0);p([h],P.prototype,"type",void 0);p([h],P.prototype,"value",void 0);var I=class extends P{constructor(){super(...arguments),this.iconOnly=!1}};p([h],I.prototype,"appearance",void 0);p([h],I.prototype,"shape",void 0);p([h],I.prototype,"size",void 0);p([h({attribute:"icon-only",mode:"boolean"})],I.prototype,"iconOnly",void 0);lt(I,Be);var nl=CSS.supports("anchor-name: --a"),al="anchor"in HTMLElement.prototype,Qt=CSS.supports("selector(:state(g))");var Jr=new Map;function m(t){return Jr.get(t)??Jr.set(t,Qt?`:state(${t})`:`[state--${t}]`).get(t)}function ze(t,e,r){if(!(!e||!t)){if(!Qt){t.shadowRoot.host.toggleAttribute(`state--${e}`,r);return}if(r??!t.states.has(e)){t.states.add(e);return}t.states.delete(e)}}var D=class extends U{constructor(){super(...arguments),this.initialValue="on",this._keydownPressed=!1,this.dirtyChecked=!1,this.elementInternals=this.attachInternals(),this._validationFallbackMessage="",this._value=this.initialValue}get checked(){return g.track(this,"checked"),!!this._checked}set checked(e){this._checked=e,this.setFormValue(e?this.value:null),this.setValidity(),this.setAriaChecked(),ze(this.elementInternals,"checked",e),g.notify(this,"checked")}disabledChanged(e,r){this.disabled?this.removeAttribute("tabindex"):this.tabIndex=Number(this.getAttribute("tabindex")??0)<0?-1:0,this.elementInternals.ariaDisabled=this.disabled?"true":"false",ze(this.elementInternals,"disabled",this.disabled)}disabledAttributeChanged(e,r){this.disabled=!!r}initialCheckedChanged(e,r){this.dirtyChecked||(this.checked=!!r)}initialValueChanged(e,r){this._value=r}requiredChanged(e,r){this.elementInternals&&(this.setValidity(),this.elementInternals.ariaRequired=this.required?"true":"false")}get form(){return this.elementInternals.form}static{this.formAssociated=!0}get labels(){return Object.freeze(Array.from(this.elementInternals.labels))}get validationMessage(){if(this.elementInternals?.validationMessage)return this.elementInternals.validationMessage;if(!this._validationFallbackMessage){let e=document.createElement("input");e.type="checkbox",e.required=!0,e.checked=!1,this._validationFallbackMessage=e.validationMessage}return this._validationFallbackMessage}get validity(){return this.elementInternals.validity}get value(){return g.track(this,"value"),this._value}set value(e){this._value=e,this.elementInternals&&(this.setFormValue(e),this.setValidity()),g.notify(this,"value")}get willValidate(){return this.elementInternals.willValidate}checkValidity(){return this.elementInternals.checkValidity()}clickHandler(e){if(this.disabled)return;this.dirtyChecked=!0;let r=this.checked;return this.toggleChecked(),r!==this.checked&&(this.$emit("change"),this.$emit("input")),!0}connectedCallback(){super.connectedCallback(),this.disabled=!!this.disabledAttribute,this.setAriaChecked(),this.setValidity(),ct(this)}inputHandler(e){return this.setFormValue(this.value),this.setValidity(),!0}keydownHandler(e){if(e.key!==" ")return!0;this._keydownPressed=!0}keyupHandler(e){if(!this._keydownPressed||e.key!==" ")return!0;this._keydownPressed=!1,this.click()}formResetCallback(){this.checked=this.initialChecked??!1,this.dirtyChecked=!1,this.setValidity()}reportValidity(){return this.elementInternals.reportValidity()}setAriaChecked(e=this.checked){this.elementInternals&&(this.elementInternals.ariaChecked=e?"true":"false")}setFormValue(e,r){this.elementInternals?.setFormValue(e,e??r)}setCustomValidity(e){this.elementInternals.setValidity({customError:!0},e),this.setValidity()}setValidity(e,r,o){if(this.elementInternals){if(this.disabled||!this.required){this.elementInternals.setValidity({});return}this.elementInternals.setValidity({valueMissing:!!this.required&&!this.checked,...e},r??this.validationMessage,o)}}toggleChecked(e=!this.checked){this.checked=e}};p([E],D.prototype,"disabled",void 0);p([h({attribute:"disabled",mode:"boolean"})],D.prototype,"disabledAttribute",void 0);p([h({attribute:"form"})],D.prototype,"formAttribute",void 0);p([h({attribute:"checked",mode:"boolean"})],D.prototype,"initialChecked",void 0);p([h({attribute:"value",mode:"fromView"})],D.prototype,"initialValue",void 0);p([h],D.prototype,"name",void 0);p([h({mode:"boolean"})],D.prototype,"required",void 0);var _=class extends D{indeterminateChanged(e,r){this.setAriaChecked(),ze(this.elementInternals,"indeterminate",r)}constructor(){super(),this.elementInternals.role="checkbox"}setAriaChecked(e=this.checked){if(this.indeterminate){this.elementInternals.ariaChecked="mixed";return}super.setAriaChecked(e)}toggleChecked(e=!this.checked){this.indeterminate=!1,super.toggleChecked(e)}};p([E],_.prototype,"indeterminate",void 0);p([h],_.prototype,"shape",void 0);p([h],_.prototype,"size",void 0);var dt={single:"single",multi:"multi"},Qr=`${B.prefix}-accordion`;var Jn=":host([hidden]){display:none}";function re(t){return`${Jn}:host{display:${t}}`}var Zr=M`
  ${re("flex")}

  :host {
    flex-direction: column;
    width: 100%;
    contain: content;
  }
`;function Qn(){return k`
    <template>
      <slot ${_e({property:"slottedAccordionItems",filter:Gt()})}></slot>
    </template>
  `}var eo=Qn();var to={name:Qr,registry:B.registry,styles:Zr,template:eo};function ro(t,e){if("requestIdleCallback"in globalThis)return globalThis.requestIdleCallback(t,e);let r=Date.now();return setTimeout(()=>{t({didTimeout:e?.timeout?Date.now()-r>=e.timeout:!1,timeRemaining:()=>0})},e?.timeout??1)}function oo(t,e,r){let o=r?.shallow??!1,n=r?.timeout??50,a=r?.idleCallback??!1,i=`${o?":scope > ":""}:not(:defined)`,l=d=>{if(t.querySelector(i)===null||d&&d.timeRemaining()<=0){a?ro(e,{timeout:n}):e();return}ro(l,{timeout:n})};l()}function no(t){return e=>e?.nodeType!==Node.ELEMENT_NODE?!1:e.tagName.toLowerCase().endsWith(t)}function ut(t,e="-accordion-item"){return no(e)(t)}var ao=`${B.prefix}-accordion-item`;var Pe=class extends U{constructor(){super(...arguments),this._isAdjusting=!1,this.activeItemIndex=0,this.setItems=()=>{oo(this,()=>{if(!this.slottedAccordionItems?.length)return;let e=Array.from(this.children);if(this.removeItemListeners(e),e.forEach(r=>g.getNotifier(r).subscribe(this,"disabled")),this.accordionItems=e.filter(r=>!r.hasAttribute("disabled")),this.accordionItems.forEach((r,o)=>{r.addEventListener("click",this.expandedChangedHandler),g.getNotifier(r).subscribe(this,"expanded")}),this.isSingleExpandMode()){let r=this.findExpandedItem();this.setSingleExpandMode(r)}})},this.removeItemListeners=e=>{e.forEach((r,o)=>{g.getNotifier(r).unsubscribe(this,"disabled"),g.getNotifier(r).unsubscribe(this,"expanded"),r.removeEventListener("click",this.expandedChangedHandler)})},this.expandedChangedHandler=e=>{let r=e.target;ut(r)&&(this.isSingleExpandMode()?this.setSingleExpandMode(r):(r.expanded=!r.expanded,this.activeItemIndex=this.accordionItems.indexOf(r)),this.$emit("change"))}}expandmodeChanged(e,r){if(!this.$fastController.isConnected)return;let o=this.findExpandedItem();if(o){if(r===dt.single){this.setSingleExpandMode(o);return}o?.expandbutton?.removeAttribute("aria-disabled")}}slottedAccordionItemsChanged(e,r){this.setItems()}handleChange(e,r){r==="disabled"?this.setItems():r==="expanded"&&e.expanded&&this.isSingleExpandMode()&&!this._isAdjusting&&(this._isAdjusting=!0,this.setSingleExpandMode(e),this._isAdjusting=!1)}findExpandedItem(){return!this.accordionItems||this.accordionItems?.length===0?null:this.accordionItems.find(e=>ut(e)&&e.expanded)??this.accordionItems[0]}isSingleExpandMode(){return this.expandmode===dt.single}setSingleExpandMode(e){if(this.accordionItems.length===0)return;let r=Array.from(this.accordionItems);this.activeItemIndex=r.indexOf(e),r.forEach((o,n)=>{ut(o)&&(this.activeItemIndex===n?(o.expanded=!0,o.expandbutton?.setAttribute("aria-disabled","true")):(o.expanded=!1,o.hasAttribute("disabled")||o.expandbutton?.removeAttribute("aria-disabled")))})}connectedCallback(){super.connectedCallback(),this.expandmode=this.expandmode||dt.multi,this.setItems()}};p([h({attribute:"expand-mode"})],Pe.prototype,"expandmode",void 0);p([E],Pe.prototype,"slottedAccordionItems",void 0);Pe.define(to);var pt="var(--colorNeutralForeground1)",io="var(--colorNeutralForeground1Hover)",so="var(--colorNeutralForeground1Pressed)";var Zt="var(--colorNeutralForeground2)",lo="var(--colorNeutralForeground2Hover)",co="var(--colorNeutralForeground2Pressed)";var er="var(--colorNeutralForeground2BrandHover)",tr="var(--colorNeutralForeground2BrandPressed)";var ht="var(--colorNeutralForegroundDisabled)";var gt="var(--colorNeutralForegroundOnBrand)",uo="var(--colorNeutralForegroundInverted)";var ft="var(--colorNeutralBackground1)",po="var(--colorNeutralBackground1Hover)",ho="var(--colorNeutralBackground1Pressed)";var go="var(--colorSubtleBackground)",fo="var(--colorSubtleBackgroundHover)",mo="var(--colorSubtleBackgroundPressed)";var oe="var(--colorTransparentBackground)",rr="var(--colorTransparentBackgroundHover)",or="var(--colorTransparentBackgroundPressed)";var mt="var(--colorNeutralBackgroundDisabled)";var vo="var(--colorBrandBackground)",bo="var(--colorBrandBackgroundHover)",xo="var(--colorBrandBackgroundPressed)";var yo="var(--colorCompoundBrandBackground)",ko="var(--colorCompoundBrandBackgroundHover)",So="var(--colorCompoundBrandBackgroundPressed)";var Bo="var(--colorNeutralStrokeAccessible)",Po="var(--colorNeutralStrokeAccessibleHover)",wo="var(--colorNeutralStrokeAccessiblePressed)";var No="var(--colorNeutralStroke1)",Fo="var(--colorNeutralStroke1Hover)",Ao="var(--colorNeutralStroke1Pressed)";var Co="var(--colorCompoundBrandStroke)",To="var(--colorCompoundBrandStrokeHover)",$o="var(--colorCompoundBrandStrokePressed)",we="var(--colorNeutralStrokeDisabled)";var je="var(--colorTransparentStroke)";var Io="var(--colorStrokeFocus1)",he="var(--colorStrokeFocus2)";var Ho="var(--borderRadiusNone)",ne="var(--borderRadiusSmall)",Ne="var(--borderRadiusMedium)",Eo="var(--borderRadiusLarge)";var vt="var(--borderRadiusCircular)",bt="var(--fontFamilyBase)";var xt="var(--fontSizeBase200)",Ve="var(--fontSizeBase300)",yt="var(--fontSizeBase400)",Lo="var(--fontSizeBase500)";var kt="var(--fontWeightRegular)";var Mo="var(--fontWeightSemibold)";var St="var(--lineHeightBase200)",We="var(--lineHeightBase300)",Bt="var(--lineHeightBase400)",Oo="var(--lineHeightBase500)";var Do="var(--shadow2)",_o="var(--shadow4)";var Pt="var(--strokeWidthThin)",wt="var(--strokeWidthThick)";var Ro="var(--spacingHorizontalXS)",zo="var(--spacingHorizontalSNudge)",Fe="var(--spacingHorizontalS)",nr="var(--spacingHorizontalMNudge)",ge="var(--spacingHorizontalM)",jo="var(--spacingHorizontalL)";var Vo="var(--durationFaster)";var Wo="var(--curveEasyEase)";var Go=M`
  ${re("block")}

  :host {
    max-width: fit-content;
    contain: content;
    color: ${pt};
  }

  .heading {
    height: 44px;
    display: grid;
    position: relative;
    padding-inline: ${ge} ${nr};
    border-radius: ${Ne};
    font-family: ${bt};
    font-size: ${Ve};
    font-weight: ${kt};
    line-height: ${We};
    grid-template-columns: auto auto 1fr auto;
  }

  .button {
    appearance: none;
    background: ${oe};
    border: none;
    box-sizing: border-box;
    color: inherit;
    cursor: pointer;
    font: inherit;
    grid-column: auto / span 2;
    grid-row: 1;
    height: 44px;
    outline: none;
    padding: 0;
    text-align: start;
  }

  .button::before {
    content: '';
    position: absolute;
    inset: 0px;
    cursor: pointer;
    border-radius: ${ne};
  }

  :where(.default-marker-collapsed, .default-marker-expanded),
  ::slotted(:is([slot='marker-collapsed'], [slot='marker-expanded'])) {
    display: flex;
    align-items: center;
    justify-content: center;
    pointer-events: none;
    position: relative;
    height: 100%;
    padding-inline-end: ${Fe};
    grid-column: 1 / span 1;
    grid-row: 1;
  }

  .content {
    margin: 0 ${ge};
  }

  ::slotted([slot='start']) {
    display: flex;
    justify-content: center;
    align-items: center;
    padding-right: ${Fe};
    grid-column: 2 / span 1;
    grid-row: 1;
  }

  button:focus-visible::after {
    content: '';
    position: absolute;
    inset: 0px;
    cursor: pointer;
    border-radius: ${ne};
    outline: none;
    border: 2px solid ${Io};
    box-shadow: inset 0 0 0 1px ${he};
  }

  /* --- Disabled attr styles --- */

  :host([disabled]) .button {
    color: ${ht};
  }

  :host([disabled]) svg {
    filter: invert(89%) sepia(0%) saturate(569%) hue-rotate(155deg) brightness(88%) contrast(87%);
  }

  /* --- Expanded attr styles --- */

  :host([expanded]) .content {
    display: block;
  }

  :host([expanded]) .default-marker-collapsed,
  :host([expanded]) ::slotted([slot='marker-collapsed']),
  :host(:not([expanded])) :is(.default-marker-expanded, .content),
  :host(:not([expanded])) ::slotted([slot='marker-expanded']) {
    display: none;
  }

  :host([expanded]) ::slotted([slot='marker-expanded']),
  :host(:not([expanded])) ::slotted([slot='marker-collapsed']) {
    display: flex;
  }

  /* --- Appearance attr styles --- */

  .heading {
    font-size: ${Ve};
    line-height: ${We};
  }

  :host([size='small']) .heading {
    font-size: ${xt};
    line-height: ${St};
  }

  :host([size='large']) .heading {
    font-size: ${yt};
    line-height: ${Bt};
  }

  :host([size='extra-large']) .heading {
    font-size: ${Lo};
    line-height: ${Oo};
  }

  /* --- marker-position attr styles --- */

  :host([marker-position='end']) ::slotted([slot='start']) {
    grid-column: 1 / span 1;
    color: currentColor;
  }

  :host([marker-position='end']) :is(.default-marker-collapsed, .default-marker-expanded) {
    grid-column: 4 / span 1;
    padding-inline-start: ${Fe};
    padding-inline-end: 0;
  }

  :host([marker-position='end']) .button {
    grid-column: 2 / span 3;
  }

  /* --- Block attr styles --- */

  :host([block]) {
    max-width: 100%;
  }

  :host([marker-position='end']) .heading {
    grid-template-columns: auto auto 28px;
    padding-inline: ${ge};
  }

  :host([marker-position='end']:has([slot='start'])) .heading {
    padding-inline: ${nr} ${ge};
  }

  :host([block][marker-position='end']) .heading {
    grid-template-columns: auto 1fr;
  }

  :host([marker-position='end']) :is(.default-marker-collapsed, .default-marker-expanded) {
    grid-column: 5 / span 1;
  }
`;var Zn=k.partial(`<svg
  width="20"
  height="20"
  viewBox="0 0 20 20"
  fill="none"
  xmlns="http://www.w3.org/2000/svg"
  class="default-marker-collapsed"
  aria-hidden="true"
>
  <path
    d="M7.73271 4.20694C8.03263 3.92125 8.50737 3.93279 8.79306 4.23271L13.7944 9.48318C14.0703 9.77285 14.0703 10.2281 13.7944 10.5178L8.79306 15.7682C8.50737 16.0681 8.03263 16.0797 7.73271 15.794C7.43279 15.5083 7.42125 15.0336 7.70694 14.7336L12.2155 10.0005L7.70694 5.26729C7.42125 4.96737 7.43279 4.49264 7.73271 4.20694Z"
    fill="currentColor"
  />
</svg>`),ea=k.partial(`<svg
  width="20"
  height="20"
  viewBox="0 0 20 20"
  fill="none"
  xmlns="http://www.w3.org/2000/svg"
  class="default-marker-expanded"
  aria-hidden="true"
>
  <path
    d="M15.794 7.73271C16.0797 8.03263 16.0681 8.50737 15.7682 8.79306L10.5178 13.7944C10.2281 14.0703 9.77285 14.0703 9.48318 13.7944L4.23271 8.79306C3.93279 8.50737 3.92125 8.03263 4.20694 7.73271C4.49264 7.43279 4.96737 7.42125 5.26729 7.70694L10.0005 12.2155L14.7336 7.70694C15.0336 7.42125 15.5083 7.43279 15.794 7.73271Z"
    fill="currentColor"
  />
</svg>`);function ta(t={}){return k`
    <div class="heading" part="heading" role="heading" aria-level="${e=>e.headinglevel}">
      <button
        class="button"
        part="button"
        id="control"
        aria-controls="panel"
        aria-expanded="${e=>e.expanded}"
        ?disabled="${e=>e.disabled}"
        ${Se("expandbutton")}
      >
        <slot name="heading"></slot>
      </button>
      ${st(t)}
      <slot name="marker-expanded"> ${J(t.expandedIcon)} </slot>
      <slot name="marker-collapsed"> ${J(t.collapsedIcon)} </slot>
    </div>
    <div class="content" part="content" id="panel" role="region" aria-labelledby="control">
      <slot></slot>
    </div>
  `}var Xo=ta({collapsedIcon:Zn,expandedIcon:ea});var qo={name:ao,registry:B.registry,styles:Go,template:Xo};var ae=class extends U{constructor(){super(...arguments),this.elementInternals=this.attachInternals(),this.headinglevel=2,this.expanded=!1,this.disabled=!1}};p([h({attribute:"heading-level",mode:"fromView",converter:Ht})],ae.prototype,"headinglevel",void 0);p([h({mode:"boolean"})],ae.prototype,"expanded",void 0);p([h({mode:"boolean"})],ae.prototype,"disabled",void 0);p([E],ae.prototype,"expandbutton",void 0);var ie=class extends ae{constructor(){super(...arguments),this.block=!1}};p([h],ie.prototype,"size",void 0);p([h({attribute:"marker-position"})],ie.prototype,"markerPosition",void 0);p([h({mode:"boolean"})],ie.prototype,"block",void 0);lt(ie,Be);ie.define(qo);var ra=M`
  ${re("inline-flex")}

  :host {
    --icon-spacing: ${zo};
    position: relative;
    contain: layout style;
    vertical-align: middle;
    align-items: center;
    box-sizing: border-box;
    justify-content: center;
    text-align: center;
    text-decoration-line: none;
    margin: 0;
    min-height: 32px;
    outline-style: none;
    background-color: ${ft};
    color: ${pt};
    border: ${Pt} solid ${No};
    padding: 0 ${ge};
    min-width: 96px;
    border-radius: ${Ne};
    font-size: ${Ve};
    font-family: ${bt};
    font-weight: ${Mo};
    line-height: ${We};
    transition-duration: ${Vo};
    transition-property: background, border, color;
    transition-timing-function: ${Wo};
    cursor: pointer;
    user-select: none;
  }

  .content {
    display: inherit;
  }

  :host(:hover) {
    background-color: ${po};
    color: ${io};
    border-color: ${Fo};
  }

  :host(:hover:active) {
    background-color: ${ho};
    border-color: ${Ao};
    color: ${so};
    outline-style: none;
  }

  :host(:focus-visible) {
    border-color: ${je};
    outline: ${wt} solid ${je};
    box-shadow: ${_o}, 0 0 0 2px ${he};
  }

  @media screen and (prefers-reduced-motion: reduce) {
    :host {
      transition-duration: 0.01ms;
    }
  }

  ::slotted(svg) {
    font-size: 20px;
    height: 20px;
    width: 20px;
    fill: currentColor;
  }

  ::slotted([slot='start']) {
    margin-inline-end: var(--icon-spacing);
  }

  ::slotted([slot='end']),
  [slot='end'] {
    flex-shrink: 0;
    margin-inline-start: var(--icon-spacing);
  }

  :host([icon-only]) {
    min-width: 32px;
    max-width: 32px;
  }

  :host([size='small']) {
    --icon-spacing: ${Ro};
    min-height: 24px;
    min-width: 64px;
    padding: 0 ${Fe};
    border-radius: ${ne};
    font-size: ${xt};
    line-height: ${St};
    font-weight: ${kt};
  }

  :host([size='small'][icon-only]) {
    min-width: 24px;
    max-width: 24px;
  }

  :host([size='large']) {
    min-height: 40px;
    border-radius: ${Eo};
    padding: 0 ${jo};
    font-size: ${yt};
    line-height: ${Bt};
  }

  :host([size='large'][icon-only]) {
    min-width: 40px;
    max-width: 40px;
  }

  :host([size='large']) ::slotted(svg) {
    font-size: 24px;
    height: 24px;
    width: 24px;
  }

  :host(:is([shape='circular'], [shape='circular']:focus-visible)) {
    border-radius: ${vt};
  }

  :host(:is([shape='square'], [shape='square']:focus-visible)) {
    border-radius: ${Ho};
  }

  :host([appearance='primary']) {
    background-color: ${vo};
    color: ${gt};
    border-color: transparent;
  }

  :host([appearance='primary']:hover) {
    background-color: ${bo};
  }

  :host([appearance='primary']:is(:hover, :hover:active):not(:focus-visible)) {
    border-color: transparent;
  }

  :host([appearance='primary']:is(:hover, :hover:active)) {
    color: ${gt};
  }

  :host([appearance='primary']:hover:active) {
    background-color: ${xo};
  }

  :host([appearance='primary']:focus-visible) {
    border-color: ${gt};
    box-shadow: ${Do}, 0 0 0 2px ${he};
  }

  :host([appearance='outline']) {
    background-color: ${oe};
  }

  :host([appearance='outline']:hover) {
    background-color: ${rr};
  }

  :host([appearance='outline']:hover:active) {
    background-color: ${or};
  }

  :host([appearance='subtle']) {
    background-color: ${go};
    color: ${Zt};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover) {
    background-color: ${fo};
    color: ${lo};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover:active) {
    background-color: ${mo};
    color: ${co};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover) ::slotted(svg) {
    fill: ${er};
  }

  :host([appearance='subtle']:hover:active) ::slotted(svg) {
    fill: ${tr};
  }

  :host([appearance='transparent']) {
    background-color: ${oe};
    color: ${Zt};
  }

  :host([appearance='transparent']:hover) {
    background-color: ${rr};
    color: ${er};
  }

  :host([appearance='transparent']:hover:active) {
    background-color: ${or};
    color: ${tr};
  }

  :host(:is([appearance='transparent'], [appearance='transparent']:is(:hover, :active))) {
    border-color: transparent;
  }
`,Uo=M`
  ${ra}

  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable])),
  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable]):hover),
  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable]):hover:active) {
    background-color: ${mt};
    border-color: ${we};
    color: ${ht};
    cursor: not-allowed;
  }

  :host([appearance='primary']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='primary']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    border-color: transparent;
  }

  :host([appearance='outline']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='outline']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    background-color: ${oe};
  }

  :host([appearance='subtle']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='subtle']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    background-color: ${oe};
    border-color: transparent;
  }

  :host([appearance='transparent']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='transparent']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    border-color: transparent;
    background-color: ${oe};
  }

  @media (forced-colors: active) {
    :host {
      background-color: ButtonFace;
      color: ButtonText;
    }

    :host(:is(:hover, :focus-visible)) {
      border-color: Highlight !important;
    }

    :host([appearance='primary']:not(:is(:hover, :focus-visible))) {
      background-color: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }

    :host(
        :is(
            :disabled,
            [disabled],
            [disabled-focusable],
            [appearance]:disabled,
            [appearance][disabled],
            [appearance][disabled-focusable]
          )
      ) {
      background-color: ButtonFace;
      color: GrayText;
      border-color: ButtonText;
    }
  }
`;function oa(t={}){return k`
    <template
      @click="${(e,r)=>e.clickHandler(r.event)}"
      @keypress="${(e,r)=>e.keypressHandler(r.event)}"
    >
      ${st(t)}
      <span class="content" part="content">
        <slot ${_e("defaultSlottedContent")}></slot>
      </span>
      ${Yr(t)}
    </template>
  `}var Yo=oa();var Ko={name:Kr,registry:B.registry,styles:Uo,template:Yo};I.define(Ko);var Jo=`${B.prefix}-checkbox`;var Hc=m("active"),Ec=m("bad-input"),H=m("checked"),Lc=m("custom-error"),Mc=m("description"),Oc=m("disabled"),T=":is([disabled], :disabled)",Dc=m("error"),_c=m("flip-block"),Rc=m("focus-visible"),zc=m("has-message"),se=m("indeterminate"),jc=m("multiple"),Vc=m("open"),Wc=m("pattern-mismatch"),Gc=m("placeholder-shown"),Xc=m("pressed"),qc=m("range-overflow"),Uc=m("range-underflow"),Yc=m("required"),Kc=m("selected"),Jc=m("step-mismatch"),Qc=m("submenu"),Zc=m("too-long"),ed=m("too-short"),td=m("type-mismatch"),rd=m("user-invalid"),od=m("valid"),nd=m("value-missing");var Qo=M`
  ${re("inline-flex")}

  :host {
    --size: 16px;
    background-color: ${ft};
    border-radius: ${ne};
    border: ${Pt} solid ${Bo};
    box-sizing: border-box;
    cursor: pointer;
    position: relative;
    width: var(--size);
  }

  :host,
  .indeterminate-indicator,
  .checked-indicator {
    aspect-ratio: 1;
  }

  :host(:hover) {
    border-color: ${Po};
  }

  :host(:active) {
    border-color: ${wo};
  }

  :host(${H}:hover) {
    background-color: ${ko};
    border-color: ${To};
  }

  :host(${H}:active) {
    background-color: ${So};
    border-color: ${$o};
  }

  :host(:focus-visible) {
    outline: none;
  }

  :host(:not([slot='input']))::after {
    content: '';
    position: absolute;
    inset: -8px;
    box-sizing: border-box;
    outline: none;
    border: ${wt} solid ${je};
    border-radius: ${Ne};
  }

  :host(:not([slot='input']):focus-visible)::after {
    border-color: ${he};
  }

  .indeterminate-indicator,
  .checked-indicator {
    color: ${uo};
    inset: 0;
    margin: auto;
    position: absolute;
  }

  ::slotted([slot='checked-indicator']),
  .checked-indicator {
    fill: currentColor;
    display: inline-flex;
    flex: 1 0 auto;
    width: 12px;
  }

  :host(:not(${H})) *:is(::slotted([slot='checked-indicator']), .checked-indicator) {
    display: none;
  }

  :host(${H}),
  :host(${se}) {
    border-color: ${Co};
  }

  :host(${H}),
  :host(${se}) .indeterminate-indicator {
    background-color: ${yo};
  }

  :host(${se}) .indeterminate-indicator {
    border-radius: ${ne};
    position: absolute;
    width: calc(var(--size) / 2);
    inset: 0;
  }

  :host([size='large']) {
    --size: 20px;
  }

  :host([size='large']) ::slotted([slot='checked-indicator']),
  :host([size='large']) .checked-indicator {
    width: 16px;
  }

  :host([shape='circular']),
  :host([shape='circular']) .indeterminate-indicator {
    border-radius: ${vt};
  }

  :host(${T}),
  :host(${T}${H}) {
    background-color: ${mt};
    border-color: ${we};
  }

  :host(${T}) {
    cursor: unset;
  }

  :host(${T}${se}) .indeterminate-indicator {
    background-color: ${we};
  }

  :host(${T}${H}) .checked-indicator {
    color: ${we};
  }

  @media (forced-colors: active) {
    :host {
      border-color: FieldText;
    }

    :host(:not([slot='input']:focus-visible))::after {
      border-color: Canvas;
    }

    :host(:not(${T}):hover),
    :host(${H}:not(${T}):hover),
    :host(:not([slot='input']):focus-visible)::after {
      border-color: Highlight;
    }

    .indeterminate-indicator,
    .checked-indicator {
      color: HighlightText;
    }

    :host(${H}),
    :host(${se}) .indeterminate-indicator {
      background-color: FieldText;
    }

    :host(${H}:not(${T}):hover),
    :host(${se}:not(${T}):hover) .indeterminate-indicator {
      background-color: Highlight;
    }

    :host(${T}) {
      border-color: GrayText;
    }

    :host(${T}${se}) .indeterminate-indicator {
      background-color: GrayText;
    }

    :host(${T}),
    :host(${T}${H}) .checked-indicator {
      color: GrayText;
    }
  }
`;var na=k.partial(`
    <svg
        fill="currentColor"
        aria-hidden="true"
        class="checked-indicator"
        width="1em"
        height="1em"
        viewBox="0 0 12 12"
        xmlns="http://www.w3.org/2000/svg">
            <path d="M9.76 3.2c.3.29.32.76.04 1.06l-4.25 4.5a.75.75 0 0 1-1.08.02L2.22 6.53a.75.75 0 0 1 1.06-1.06l1.7 1.7L8.7 3.24a.75.75 0 0 1 1.06-.04Z" fill="currentColor"></path>
    </svg>
`),aa=k.partial(`
    <span class="indeterminate-indicator"></span>
`);function ia(t={}){return k`
    <template
      @click="${(e,r)=>e.clickHandler(r.event)}"
      @input="${(e,r)=>e.inputHandler(r.event)}"
      @keydown="${(e,r)=>e.keydownHandler(r.event)}"
      @keyup="${(e,r)=>e.keyupHandler(r.event)}"
    >
      <slot name="checked-indicator">${J(t.checkedIndicator)}</slot>
      <slot name="indeterminate-indicator">${J(t.indeterminateIndicator)}</slot>
    </template>
  `}var Zo=ia({checkedIndicator:na,indeterminateIndicator:aa});var en={name:Jo,registry:B.registry,styles:Qo,template:Zo};_.define(en);function tn(t,e,r){let o=n=>{if(n.isConnected){n.hasAttribute("role")||n.setAttribute("role",e);for(let[a,i]of Object.entries(r(n)))i===null?n.removeAttribute(a):n.setAttribute(a,i)}};return Nt(t,"connectedCallback",o),o}function Nt(t,e,r){let o=t.prototype[e];t.prototype[e]=function(...n){let a=o?.apply(this,n);return r(this),a}}var rn=t=>t.disabled?"true":null,on=tn(I,"button",t=>({"aria-disabled":rn(t)}));Nt(I,"disabledChanged",on);var ar=tn(_,"checkbox",t=>({"aria-checked":t.indeterminate?"mixed":String(!!t.checked),"aria-disabled":rn(t),"aria-required":t.required?"true":null}));Nt(_,"setAriaChecked",ar);Nt(_,"disabledChanged",ar);for(let[t,e]of[["fluent-button",on],["fluent-checkbox",ar]])customElements.whenDefined(t).then(()=>document.querySelectorAll(t).forEach(e));var sa=new Set(["text","email","number","date","search","tel","url","password"]);document.addEventListener("keydown",t=>{let e=t.target;if(t.key!=="Enter"||t.defaultPrevented||t.isComposing||!(e instanceof HTMLInputElement)||!sa.has(e.type)||!e.form)return;let r=e.form;r.querySelector("button[type=submit], input[type=submit], button:not([type])")||!r.querySelector("fluent-button[type=submit]:not([disabled])")||(t.preventDefault(),r.requestSubmit())});
