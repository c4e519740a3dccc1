function h(t,e,r,o){var n=arguments.length,a=n<3?e:o===null?o=Object.getOwnPropertyDescriptor(e,r):o,i;if(typeof Reflect=="object"&&typeof Reflect.decorate=="function")a=Reflect.decorate(t,e,r,o);else for(var l=t.length-1;l>=0;l--)(i=t[l])&&(a=(n<3?i(a):n>3?i(e,r,a):i(e,r))||a);return n>3&&a&&Object.defineProperty(e,r,a),a}var U=class{constructor(e,r,o=!1){this.evaluate=e,this.policy=r,this.isVolatile=o}};var m;(function(t){t[t.needsArrayObservation=1101]="needsArrayObservation",t[t.onlySetDOMPolicyOnce=1201]="onlySetDOMPolicyOnce",t[t.bindingInnerHTMLRequiresTrustedTypes=1202]="bindingInnerHTMLRequiresTrustedTypes",t[t.twoWayBindingRequiresObservables=1203]="twoWayBindingRequiresObservables",t[t.hostBindingWithoutHost=1204]="hostBindingWithoutHost",t[t.unsupportedBindingBehavior=1205]="unsupportedBindingBehavior",t[t.directCallToHTMLTagNotAllowed=1206]="directCallToHTMLTagNotAllowed",t[t.onlySetTemplatePolicyOnce=1207]="onlySetTemplatePolicyOnce",t[t.cannotSetTemplatePolicyAfterCompilation=1208]="cannotSetTemplatePolicyAfterCompilation",t[t.blockedByDOMPolicy=1209]="blockedByDOMPolicy",t[t.invalidHydrationAttributeMarker=1210]="invalidHydrationAttributeMarker",t[t.duplicateRenderInstruction=1211]="duplicateRenderInstruction",t[t.missingElementDefinition=1401]="missingElementDefinition",t[t.noRegistrationForContext=1501]="noRegistrationForContext",t[t.noFactoryForResolver=1502]="noFactoryForResolver",t[t.invalidResolverStrategy=1503]="invalidResolverStrategy",t[t.cannotAutoregisterDependency=1504]="cannotAutoregisterDependency",t[t.cannotResolveKey=1505]="cannotResolveKey",t[t.cannotConstructNativeFunction=1506]="cannotConstructNativeFunction",t[t.cannotJITRegisterNonConstructor=1507]="cannotJITRegisterNonConstructor",t[t.cannotJITRegisterIntrinsic=1508]="cannotJITRegisterIntrinsic",t[t.cannotJITRegisterInterface=1509]="cannotJITRegisterInterface",t[t.invalidResolver=1510]="invalidResolver",t[t.invalidKey=1511]="invalidKey",t[t.noDefaultResolver=1512]="noDefaultResolver",t[t.cyclicDependency=1513]="cyclicDependency",t[t.connectUpdateRequiresController=1514]="connectUpdateRequiresController"})(m||(m={}));var D=t=>typeof t=="function",P=t=>typeof t=="string",Dt=()=>{};var Mo=Object.create(null),x={warn(t,e){},error(t,e){return new Error(`Error ${t}`)},addMessages(t){Object.assign(Mo,t)}};var _t=Object.freeze([]);function ie(){let t=new Map;return Object.freeze({register(e){return t.has(e.type)?!1:(t.set(e.type,e),!0)},getByType(e){return t.get(e)},getForInstance(e){if(e!=null)return t.get(e.constructor)}})}function He(){let t=new WeakMap;return function(e){let r=t.get(e);if(r===void 0){let o=Reflect.getPrototypeOf(e);for(;r===void 0&&o!==null;)r=t.get(o),o=Reflect.getPrototypeOf(o);r=r===void 0?[]:r.slice(0),t.set(e,r)}return r}}function N(t){t.prototype.toJSON=Dt}var Oe=class extends U{createObserver(){return this}bind(e){return this.evaluate(e.source,e.context)}};N(Oe);function Le(t,e){return new Oe(t,e)}var se=class{constructor(e,r){this.sub1=void 0,this.sub2=void 0,this.spillover=void 0,this.subject=e,this.sub1=r}has(e){return this.spillover===void 0?this.sub1===e||this.sub2===e:this.spillover.indexOf(e)!==-1}subscribe(e){let r=this.spillover;if(r===void 0){if(this.has(e))return;if(this.sub1===void 0){this.sub1=e;return}if(this.sub2===void 0){this.sub2=e;return}this.spillover=[this.sub1,this.sub2,e],this.sub1=void 0,this.sub2=void 0}else r.indexOf(e)===-1&&r.push(e)}unsubscribe(e){let r=this.spillover;if(r===void 0)this.sub1===e?this.sub1=void 0:this.sub2===e&&(this.sub2=void 0);else{let o=r.indexOf(e);o!==-1&&r.splice(o,1)}}notify(e){let r=this.spillover,o=this.subject;if(r===void 0){let n=this.sub1,a=this.sub2;n!==void 0&&n.handleChange(o,e),a!==void 0&&a.handleChange(o,e)}else for(let n=0,a=r.length;n<a;++n)r[n].handleChange(o,e)}},le=class{constructor(e){this.subscribers={},this.subjectSubscribers=null,this.subject=e}notify(e){var r,o;(r=this.subscribers[e])===null||r===void 0||r.notify(e),(o=this.subjectSubscribers)===null||o===void 0||o.notify(e)}subscribe(e,r){var o,n;let a;r?a=(o=this.subscribers[r])!==null&&o!==void 0?o:this.subscribers[r]=new se(this.subject):a=(n=this.subjectSubscribers)!==null&&n!==void 0?n:this.subjectSubscribers=new se(this.subject),a.subscribe(e)}unsubscribe(e,r){var o,n;r?(o=this.subscribers[r])===null||o===void 0||o.unsubscribe(e):(n=this.subjectSubscribers)===null||n===void 0||n.unsubscribe(e)}};var _=[],lt=[],Io=globalThis.requestAnimationFrame,dt=!0;function Eo(){if(lt.length)throw lt.shift()}function Do(t){try{t.call()}catch(e){if(dt)lt.push(e),setTimeout(Eo,0);else throw _.length=0,e}}function ct(){let e=0;for(;e<_.length;)if(Do(_[e]),e++,e>1024){for(let r=0,o=_.length-e;r<o;r++)_[r]=_[r+e];_.length-=e,e=0}_.length=0}function Rt(t){_.push(t),_.length<2&&(dt?Io(ct):ct())}var Z=Object.freeze({enqueue:Rt,next:()=>new Promise(Rt),process:ct,setMode:t=>dt=t});var Y=Object.freeze({unknown:void 0,coupled:1}),g=(()=>{let t=Z.enqueue,e=/(:|&&|\|\||if|\?\.)/,r=new WeakMap,o,n=c=>{throw x.error(m.needsArrayObservation)};function a(c){var s;let u=(s=c.$fastController)!==null&&s!==void 0?s:r.get(c);return u===void 0&&(Array.isArray(c)?u=n(c):r.set(c,u=new le(c))),u}let i=He();class l{constructor(s){this.name=s,this.field=`_${s}`,this.callback=`${s}Changed`}getValue(s){return o!==void 0&&o.watch(s,this.name),s[this.field]}setValue(s,u){let p=this.field,b=s[p];if(b!==u){s[p]=u;let k=s[this.callback];D(k)&&k.call(s,b,u),a(s).notify(this.name)}}}class d extends se{constructor(s,u,p=!1){super(s,u),this.expression=s,this.isVolatileBinding=p,this.needsRefresh=!0,this.needsQueue=!0,this.isAsync=!0,this.first=this,this.last=null,this.propertySource=void 0,this.propertyName=void 0,this.notifier=void 0,this.next=void 0}setMode(s){this.isAsync=this.needsQueue=s}bind(s){let u=this.observe(s.source,s.context);return!s.isBound&&this.requiresUnbind(s)&&s.onUnbind(this),u}requiresUnbind(s){return s.sourceLifetime!==Y.coupled||this.first!==this.last||this.first.propertySource!==s.source}unbind(s){this.dispose()}observe(s,u){this.needsRefresh&&this.last!==null&&this.dispose();let p=o;o=this.needsRefresh?this:void 0,this.needsRefresh=this.isVolatileBinding;let b;try{b=this.expression(s,u)}finally{o=p}return b}disconnect(){this.dispose()}dispose(){if(this.last!==null){let s=this.first;for(;s!==void 0;)s.notifier.unsubscribe(this,s.propertyName),s=s.next;this.last=null,this.needsRefresh=this.needsQueue=this.isAsync}}watch(s,u){let p=this.last,b=a(s),k=p===null?this.first:{};if(k.propertySource=s,k.propertyName=u,k.notifier=b,b.subscribe(this,u),p!==null){if(!this.needsRefresh){let E;o=void 0,E=p.propertySource[p.propertyName],o=this,s===E&&(this.needsRefresh=!0)}p.next=k}this.last=k}handleChange(){this.needsQueue?(this.needsQueue=!1,t(this)):this.isAsync||this.call()}call(){this.last!==null&&(this.needsQueue=this.isAsync,this.notify(this))}*records(){let s=this.first;for(;s!==void 0;)yield s,s=s.next}}return N(d),Object.freeze({setArrayObserverFactory(c){n=c},getNotifier:a,track(c,s){o&&o.watch(c,s)},trackVolatile(){o&&(o.needsRefresh=!0)},notify(c,s){a(c).notify(s)},defineProperty(c,s){P(s)&&(s=new l(s)),i(c).push(s),Reflect.defineProperty(c,s.name,{enumerable:!0,get(){return s.getValue(this)},set(u){s.setValue(this,u)}})},getAccessors:i,binding(c,s,u=this.isVolatileBinding(c)){return new d(c,s,u)},isVolatileBinding(c){return e.test(c.toString())}})})();function ee(t,e){g.defineProperty(t,e)}var zt=(()=>{let t=null;return{get(){return t},set(e){t=e}}})(),V=Object.freeze({default:{index:0,length:0,get event(){return V.getEvent()},eventDetail(){return this.event.detail},eventTarget(){return this.event.target}},getEvent(){return zt.get()},setEvent(t){zt.set(t)}});var ut=class extends U{createObserver(e){return g.binding(this.evaluate,e,this.isVolatile)}};function Me(t,e,r=g.isVolatileBinding(t)){return new ut(t,e,r)}var y=Object.freeze({none:0,attribute:1,booleanAttribute:2,property:3,content:4,tokenList:5,event:6}),jt=t=>t,_o=globalThis.trustedTypes?globalThis.trustedTypes.createPolicy("fast-html",{createHTML:jt}):{createHTML:jt},Ie=Object.freeze({createHTML(t){return _o.createHTML(t)},protect(t,e,r,o){return o}}),Ro=Ie,W=Object.freeze({get policy(){return Ie},setPolicy(t){if(Ie!==Ro)throw x.error(m.onlySetDOMPolicyOnce);Ie=t},setAttribute(t,e,r){r==null?t.removeAttribute(e):t.setAttribute(e,r)},setBooleanAttribute(t,e,r){r?t.setAttribute(e,""):t.removeAttribute(e)}});var pt="boolean",Vt="reflect",ce=Object.freeze({locate:He()}),Wt={toView(t){return t?"":null},fromView(t){return!!t}};var me=class t{constructor(e,r,o=r.toLowerCase(),n=Vt,a){this.guards=new Set,this.Owner=e,this.name=r,this.attribute=o,this.mode=n,this.converter=a,this.fieldName=`_${r}`,this.callbackName=`${r}Changed`,this.hasCallback=this.callbackName in e.prototype,n===pt&&a===void 0&&(this.converter=Wt)}setValue(e,r){let o=e[this.fieldName],n=this.converter;n!==void 0&&(r=n.fromView(r)),o!==r&&(e[this.fieldName]=r,this.tryReflectToAttribute(e),this.hasCallback&&e[this.callbackName](o,r),e.$fastController.notify(this.name))}getValue(e){return g.track(e,this.name),e[this.fieldName]}onAttributeChangedCallback(e,r){this.guards.has(e)||(this.guards.add(e),this.mode===pt?this.setValue(e,r!==null):this.setValue(e,r),this.guards.delete(e))}tryReflectToAttribute(e){let r=this.mode,o=this.guards;o.has(e)||r==="fromView"||Z.enqueue(()=>{o.add(e);let n=e[this.fieldName];switch(r){case Vt:{let a=this.converter;W.setAttribute(e,this.attribute,a!==void 0?a.toView(n):n);break}case pt:W.setBooleanAttribute(e,this.attribute,n);break}o.delete(e)})}static collect(e,...r){let o=[];r.push(ce.locate(e));for(let n=0,a=r.length;n<a;++n){let i=r[n];if(i!==void 0)for(let l=0,d=i.length;l<d;++l){let c=i[l];P(c)?o.push(new t(e,c)):o.push(new t(e,c.property,c.attribute,c.mode,c.converter))}}return o}};function v(t,e){let r;function o(n,a){arguments.length>1&&(r.property=a),ce.locate(n.constructor).push(r)}if(arguments.length>1){r={},o(t,e);return}return r=t===void 0?{}:t,o}var ht;function Gt(t){return t.reduce((e,r)=>(r instanceof w?e.push(...Gt(r.styles)):e.push(r),e),[])}var w=class t{get strategy(){return this._strategy===null&&(ht||t.setDefaultStrategy(t.supportsAdoptedStyleSheets?zo():Vo()),this.withStrategy(ht)),this._strategy}constructor(e){this.styles=e,this.targets=new WeakSet,this._strategy=null}addStylesTo(e){this.strategy.addStylesTo(e),this.targets.add(e)}removeStylesFrom(e){this.strategy.removeStylesFrom(e),this.targets.delete(e)}isAttachedTo(e){return this.targets.has(e)}withStrategy(e){return this._strategy=new e(Gt(this.styles)),this}static setDefaultStrategy(e){ht=e}static normalize(e){return e===void 0?void 0:Array.isArray(e)?new t(e):e instanceof t?e:new t([e])}};w.supportsAdoptedStyleSheets=Array.isArray(document.adoptedStyleSheets)&&"replace"in CSSStyleSheet.prototype;function zo(){let t=new Map;return class{constructor(r){this.sheets=r.map(o=>{if(o instanceof CSSStyleSheet)return o;let n=t.get(o);return n===void 0&&(n=new CSSStyleSheet,n.replaceSync(o),t.set(o,n)),n})}addStylesTo(r){let o=r;o.adoptedStyleSheets=[...o.adoptedStyleSheets,...this.sheets]}removeStylesFrom(r){let o=r;o.adoptedStyleSheets=o.adoptedStyleSheets.filter(n=>this.sheets.indexOf(n)===-1)}}}var jo=0;function Vo(){return class{constructor(e){this.styles=e,this.styleClass=`fast-${++jo}`}addStylesTo(e){let r=e===document?document.body:e;for(let o=0;o<this.styles.length;o++){let n=document.createElement("style");n.innerHTML=this.styles[o],n.className=this.styleClass,r.append(n)}}removeStylesFrom(e){let r=e===document?document.body:e,o=r.querySelectorAll(`.${this.styleClass}`);for(let n=0,a=o.length;n<a;++n)r.removeChild(o[n])}}}var Wo={},Xt=new WeakMap,gt=ie(),de=Object.freeze({register(t){if(!gt.register(t))return!1;let e=Ut(t.registry);return Object.prototype.hasOwnProperty.call(e,t.name)||g.defineProperty(e,t.name),e[t.name]=t.type,!0},getByType:gt.getByType,getForInstance:gt.getForInstance,whenRegistered:Go});function Ut(t=customElements){if(t===customElements)return Wo;let e=Xt.get(t);return e||(e={},Xt.set(t,e)),e}function qt(t){return t===void 0?void 0:de.getByType(t)}function Go(t,e=customElements){let r=Ut(e);Object.prototype.hasOwnProperty.call(r,t)||g.defineProperty(r,t);let o=qt(r[t]);return o!==void 0?Promise.resolve(o):new Promise(n=>{let a=g.getNotifier(r),i={handleChange:()=>{let l=qt(r[t]);l!==void 0&&(a.unsubscribe(i,t),n(l))}};a.subscribe(i,t)})}var Yt={mode:"open"},Kt={},Jt=new Set,De=new WeakMap,Ee=new WeakMap,te=new WeakMap,Qt=new WeakMap,Xo=new WeakMap;function qo(t){return D(t)}function Uo(t){return typeof t?.then=="function"}function Zt(t,e){if(Ee.delete(t),t.template===void 0&&e!==void 0&&(t.template=e),t.template!==void 0)return te.delete(t),De.delete(t),t.template}function ft(t,e=t.registry,r){if(!r?.length)return;let o=t,n=Qt.get(o);if(!n?.has(e)){n===void 0&&(n=new WeakSet,Qt.set(o,n)),n.add(e);for(let a of r)a(t)}}function _e(t){var e;return(e=Xo.get(t))!==null&&e!==void 0?e:null}function vt(t){if(t.template!==void 0)return te.delete(t),t.template;let e=Ee.get(t);if(e)return e;let r=De.get(t);if(!r)return;te.delete(t);let o;try{o=r(t)}catch(n){throw te.set(t,n),n}if(Uo(o)){let n=Promise.resolve(o).then(a=>Zt(t,a)).catch(a=>{throw Ee.delete(t),te.set(t,a),a});return Ee.set(t,n),n}return Zt(t,o)}function Yo(t,e){let r=t;if(e===void 0){te.delete(r);return}te.set(r,e)}var H=class t{get isDefined(){return this.platformDefined}constructor(e,r=e.definition){var o;this.platformDefined=!1,P(r)&&(r={name:r}),this.type=e,this.name=r.name,this.registry=(o=r.registry)!==null&&o!==void 0?o:customElements,qo(r.template)?De.set(this,r.template):this.template=r.template;let n=e.prototype,a=me.collect(e,r.attributes),i=new Array(a.length),l={},d={};for(let c=0,s=a.length;c<s;++c){let u=a[c];i[c]=u.attribute,l[u.name]=u,d[u.attribute]=u,g.defineProperty(n,u)}Reflect.defineProperty(e,"observedAttributes",{value:i,enumerable:!0}),this.attributes=a,this.propertyLookup=l,this.attributeLookup=d,this.shadowOptions=r.shadowOptions===void 0?Yt:r.shadowOptions===null?void 0:Object.assign(Object.assign({},Yt),r.shadowOptions),this.elementOptions=r.elementOptions===void 0?Kt:Object.assign(Object.assign({},Kt),r.elementOptions),this.styles=w.normalize(r.styles),this.schema=r.schema,de.register(this)}define(e=this.registry,r){let o=this.type;if(!e.get(this.name)){if(ft(this,e,r),this.template===void 0&&De.has(this))return Promise.resolve().then(()=>vt(this)).then(n=>{n!==void 0&&!e.get(this.name)&&(this.platformDefined=!0,e.define(this.name,o,this.elementOptions))}).catch(n=>{Yo(this,n),g.notify(this,"template")}),this;this.platformDefined=!0,e.define(this.name,o,this.elementOptions)}return this}static compose(e,r){let o=Jt.has(e)||de.getByType(e)?new t(class extends e{},r):new t(e,r);return Promise.resolve(o)}static registerBaseType(e){Jt.add(e)}};H.getByType=de.getByType;H.getForInstance=de.getForInstance;g.defineProperty(H.prototype,"template");var Ko={bubbles:!0,composed:!0,cancelable:!0},mt="isConnected",rr=new WeakMap,bt=Symbol("fast-late-attribute-observer");function Re(t){var e,r;return(r=(e=t.shadowRoot)!==null&&e!==void 0?e:rr.get(t))!==null&&r!==void 0?r:null}var er,F;(function(t){t[t.connecting=0]="connecting",t[t.connected=1]="connected",t[t.disconnecting=2]="disconnecting",t[t.disconnected=3]="disconnected"})(F||(F={}));var K=class t{get isConnected(){return g.track(this,mt),this.stage===F.connected}get context(){var e,r;return(r=(e=this.view)===null||e===void 0?void 0:e.context)!==null&&r!==void 0?r:V.default}get isBound(){var e,r;return(r=(e=this.view)===null||e===void 0?void 0:e.isBound)!==null&&r!==void 0?r:!1}get sourceLifetime(){var e;return(e=this.view)===null||e===void 0?void 0:e.sourceLifetime}get template(){var e;if(this._template===null){let r=this.definition;this.source.resolveTemplate?this._template=this.source.resolveTemplate():r.template&&(this._template=(e=r.template)!==null&&e!==void 0?e:null)}return this._template}set template(e){this._template!==e&&(this._template=e,this.needsInitialization||this.renderTemplate(e))}get shadowOptions(){return this._shadowRootOptions}set shadowOptions(e){if(this._shadowRootOptions===void 0&&e!==void 0){this._shadowRootOptions=e;let r=this.source.shadowRoot;r?this.hasExistingShadowRoot=!0:(r=this.source.attachShadow(e),e.mode==="closed"&&rr.set(this.source,r))}}get mainStyles(){var e;if(this._mainStyles===null){let r=this.definition;this.source.resolveStyles?this._mainStyles=this.source.resolveStyles():r.styles&&(this._mainStyles=(e=r.styles)!==null&&e!==void 0?e:null)}return this._mainStyles}set mainStyles(e){this._mainStyles!==e&&(this._mainStyles!==null&&this.removeStyles(this._mainStyles),this._mainStyles=e,this.needsInitialization||this.addStyles(e))}constructor(e,r){this.boundObservables=null,this.needsInitialization=!0,this.hasExistingShadowRoot=!1,this.isPrerendered=new Promise(a=>{this._resolvePrerendered=a}),this.isHydrated=new Promise(a=>{this._resolveHydrated=a}),this._template=null,this.stage=F.disconnected,this.guardBehaviorConnection=!1,this.behaviors=null,this.behaviorsConnected=!1,this._mainStyles=null,this.$fastController=this,this.view=null,this._notifier=new le(e),this.source=e,this.definition=r,this.shadowOptions=r.shadowOptions;let o=Reflect.getPrototypeOf(e),n=o===null?[]:g.getAccessors(o);if(n.length>0){let a=this.boundObservables=Object.create(null);for(let i=0,l=n.length;i<l;++i){let d=n[i].name,c=e[d];c!==void 0&&(delete e[d],a[d]=c)}Object.keys(a).length===0&&(this.boundObservables=null)}this.captureBoundObservables()}get subject(){return this._notifier.subject}notify(e){this._notifier.notify(e)}subscribe(e,r){this._notifier.subscribe(e,r)}unsubscribe(e,r){this._notifier.unsubscribe(e,r)}onUnbind(e){var r;(r=this.view)===null||r===void 0||r.onUnbind(e)}addBehavior(e){var r,o;let n=(r=this.behaviors)!==null&&r!==void 0?r:this.behaviors=new Map,a=(o=n.get(e))!==null&&o!==void 0?o:0;a===0?(n.set(e,1),e.addedCallback&&e.addedCallback(this),e.connectedCallback&&!this.guardBehaviorConnection&&(this.stage===F.connected||this.stage===F.connecting)&&e.connectedCallback(this)):n.set(e,a+1)}removeBehavior(e,r=!1){let o=this.behaviors;if(o===null)return;let n=o.get(e);n!==void 0&&(n===1||r?(o.delete(e),e.disconnectedCallback&&this.stage!==F.disconnected&&e.disconnectedCallback(this),e.removedCallback&&e.removedCallback(this)):o.set(e,n-1))}addStyles(e){var r;if(!e)return;let o=this.source;e instanceof HTMLElement?((r=Re(o))!==null&&r!==void 0?r:this.source).append(e):e.isAttachedTo(o)||e.addStylesTo(o)}removeStyles(e){var r;if(!e)return;let o=this.source;e instanceof HTMLElement?((r=Re(o))!==null&&r!==void 0?r:o).removeChild(e):e.isAttachedTo(o)&&e.removeStylesFrom(o)}connect(){this.stage===F.disconnected&&(this.stage=F.connecting,this.captureBoundObservables(),this.syncLateAttributes(),this.observeLateAttributes(),this.bindObservables(),this.connectBehaviors(),this.needsInitialization?(this.renderTemplate(this.template),this.addStyles(this.mainStyles),this.needsInitialization=!1):this.view!==null&&this.view.bind(this.source),this.stage=F.connected,g.notify(this,mt))}bindObservables(){if(this.boundObservables!==null){let e=this.source,r=this.boundObservables,o=Object.keys(r);for(let n=0,a=o.length;n<a;++n){let i=o[n];e[i]=r[i]}this.boundObservables=null}}captureBoundObservables(){let e=this.source,r=Object.getOwnPropertyNames(e),o=a=>{let i=Reflect.getPrototypeOf(e);for(;i!==null;){let l=Reflect.getOwnPropertyDescriptor(i,a);if(l?.get||l?.set)return!0;i=Reflect.getPrototypeOf(i)}return!1},n=this.boundObservables;for(let a=0,i=r.length;a<i;++a){let d=r[a];if(!o(d))continue;let c=e[d];if(c===void 0){delete e[d];continue}delete e[d],(n??(n=this.boundObservables=Object.create(null)))[d]=c}}syncLateAttributes(){let e=_e(this.definition);if(e!==null)for(let r of Object.keys(e))this.source.hasAttribute(r)&&this.onAttributeChangedCallback(r,null,this.source.getAttribute(r))}observeLateAttributes(){let e=_e(this.definition);if(e===null)return;let r=this.source;r[bt]===void 0&&(r[bt]=new MutationObserver(o=>{let n=r.$fastController,a=_e(n.definition);if(a!==null)for(let i=0,l=o.length;i<l;++i){let d=o[i].attributeName;d===null||a[d]===void 0||n.onAttributeChangedCallback(d,null,r.getAttribute(d))}}),r[bt].observe(r,{attributes:!0,attributeFilter:Object.keys(e)}))}connectBehaviors(){if(this.behaviorsConnected===!1){let e=this.behaviors;if(e!==null){this.guardBehaviorConnection=!0;for(let r of e.keys())r.connectedCallback&&r.connectedCallback(this);this.guardBehaviorConnection=!1}this.behaviorsConnected=!0}}disconnectBehaviors(){if(this.behaviorsConnected===!0){let e=this.behaviors;if(e!==null)for(let r of e.keys())r.disconnectedCallback&&r.disconnectedCallback(this);this.behaviorsConnected=!1}}disconnect(){this.stage===F.connected&&(this.stage=F.disconnecting,g.notify(this,mt),this.view!==null&&this.view.unbind(),this.disconnectBehaviors(),this.stage=F.disconnected)}onAttributeChangedCallback(e,r,o){let n=this.definition.attributeLookup[e];n!==void 0&&n.onAttributeChangedCallback(this.source,o)}emit(e,r,o){return this.stage===F.connected?this.source.dispatchEvent(new CustomEvent(e,Object.assign(Object.assign({detail:r},Ko),o))):!1}renderTemplate(e){var r;let o=this.source,n=(r=Re(o))!==null&&r!==void 0?r:o;if(this.view!==null)this.view.dispose(),this.view=null;else if((!this.needsInitialization||this.hasExistingShadowRoot)&&(!this.hasExistingShadowRoot||!this.needsInitialization))for(let a=n.firstChild;a!==null;a=n.firstChild)n.removeChild(a);if(e){let a=this.hasExistingShadowRoot&&this.needsInitialization,i=!1;a&&t.hydrationHook&&(i=t.hydrationHook(this,e,o,n)),i||this.renderClientSide(e,o,n),this._resolvePrerendered(a),this._resolveHydrated(i)}else this.needsInitialization&&(this._resolvePrerendered(!1),this._resolveHydrated(!1))}renderClientSide(e,r,o){if(this.hasExistingShadowRoot){for(let n=o.firstChild;n!==null;n=o.firstChild)o.removeChild(n);this.hasExistingShadowRoot=!1}this.view=e.render(r,o,r),this.view.sourceLifetime=Y.coupled}static forCustomElement(e,r=!1){let o=e.$fastController;if(o!==void 0&&!r)return o;let n=H.getForInstance(e);if(n===void 0)throw x.error(m.missingElementDefinition);return g.getNotifier(n).subscribe({handleChange:()=>{t.forCustomElement(e,!0),e.$fastController.connect()}},"template"),g.getNotifier(n).subscribe({handleChange:()=>{t.forCustomElement(e,!0),e.$fastController.connect()}},"shadowOptions"),e.$fastController=new er(e,n)}static setStrategy(e){er=e}static installHydrationHook(e){t.hydrationHook=e}};K.hydrationHook=null;N(K);K.setStrategy(K);function ze(t){var e;return"adoptedStyleSheets"in t?t:(e=Re(t))!==null&&e!==void 0?e:t.getRootNode()}var je=class t{constructor(e){let r=t.styleSheetCache;this.sheets=e.map(o=>{if(o instanceof CSSStyleSheet)return o;let n=r.get(o);return n===void 0&&(n=new CSSStyleSheet,n.replaceSync(o),r.set(o,n)),n})}addStylesTo(e){or(ze(e),this.sheets)}removeStylesFrom(e){nr(ze(e),this.sheets)}};je.styleSheetCache=new Map;var Jo=0,Qo=()=>`fast-${++Jo}`;function tr(t){return t===document?document.body:t}var xt=class{constructor(e){this.styles=e,this.styleClass=Qo()}addStylesTo(e){e=tr(ze(e));let r=this.styles,o=this.styleClass;for(let n=0;n<r.length;n++){let a=document.createElement("style");a.innerHTML=r[n],a.className=o,e.append(a)}}removeStylesFrom(e){e=tr(ze(e));let r=e.querySelectorAll(`.${this.styleClass}`);for(let o=0,n=r.length;o<n;++o)e.removeChild(r[o])}},or=(t,e)=>{t.adoptedStyleSheets=[...t.adoptedStyleSheets,...e]},nr=(t,e)=>{t.adoptedStyleSheets=t.adoptedStyleSheets.filter(r=>e.indexOf(r)===-1)};if(w.supportsAdoptedStyleSheets){try{document.adoptedStyleSheets.push(),document.adoptedStyleSheets.splice(),or=(t,e)=>{t.adoptedStyleSheets.push(...e)},nr=(t,e)=>{for(let r of e){let o=t.adoptedStyleSheets.indexOf(r);o!==-1&&t.adoptedStyleSheets.splice(o,1)}}}catch{}w.setDefaultStrategy(je)}else w.setDefaultStrategy(xt);function ar(t){let e=class extends t{constructor(){super(),K.forCustomElement(this)}$emit(r,o,n){return this.$fastController.emit(r,o,n)}connectedCallback(){this.$fastController.connect()}disconnectedCallback(){this.$fastController.disconnect()}attributeChangedCallback(r,o,n){this.$fastController.onAttributeChangedCallback(r,o,n)}};return H.registerBaseType(e),e}function Zo(t){return typeof t?.then=="function"}function en(t,e,r){return Array.isArray(e)&&(r=e,e=void 0),(D(t)?H.compose(t,e):H.compose(this,t)).then(n=>{ft(n,n.registry,r);let a=vt(n);return Zo(a)?a.then(()=>n.define().type):n.define().type})}function tn(t){return ar(t)}var be=Object.assign(ar(HTMLElement),{from:tn,define:en});var yt=ie(),kt=Object.freeze({getForInstance:yt.getForInstance,getByType:yt.getByType,define(t){return yt.register({type:t}),t}});function ir(t,e){let r=[],o="";for(let n=0,a=t.length-1;n<a;++n){o+=t[n];let i=e[n];kt.getForInstance(i)!==void 0&&(i=i.createCSS()),i instanceof w||i instanceof CSSStyleSheet?(o.trim()!==""&&(r.push(o),o=""),r.push(i)):o+=i}return o+=t[t.length-1],o.trim()!==""&&r.push(o),r}var re=((t,...e)=>new w(ir(t,e))),Ve=class{constructor(e){this.value=e.length===0?"":e.length===1?e[0]:new w(e)}createCSS(){return this.value}};kt.define(Ve);re.partial=(t,...e)=>new Ve(ir(t,e));var Bt=`fast-${Math.random().toString(36).substring(2,8)}`,We=`${Bt}{`,xe=`}${Bt}`,rn=xe.length,on=0,ye=()=>`${Bt}-${++on}`,Ge=Object.freeze({interpolation:t=>`${We}${t}${xe}`,attribute:t=>`${ye()}="${We}${t}${xe}"`,comment:t=>`<!--${We}${t}${xe}-->`}),ke=Object.freeze({parse(t,e){let r=t.split(We);if(r.length===1)return null;let o=[];for(let n=0,a=r.length;n<a;++n){let i=r[n],l=i.indexOf(xe),d;if(l===-1)d=i;else{let c=i.substring(0,l);o.push(e[c]),d=i.substring(l+rn)}d!==""&&o.push(d)}return o}});var St=ie(),S=Object.freeze({getForInstance:St.getForInstance,getByType:St.getByType,define(t,e){return e=e||{},e.type=t,St.register(e),t},assignAspect(t,e){if(!e){t.aspectType=y.content;return}switch(t.sourceAspect=e,e[0]){case":":t.targetAspect=e.substring(1),t.aspectType=t.targetAspect==="classList"?y.tokenList:y.property;break;case"?":t.targetAspect=e.substring(1),t.aspectType=y.booleanAttribute;break;case"@":t.targetAspect=e.substring(1),t.aspectType=y.event;break;default:t.targetAspect=e,t.aspectType=y.attribute;break}}});var oe=class{constructor(e){this.options=e}createHTML(e){return Ge.attribute(e(this))}createBehavior(){return this}};N(oe);var Xe=class extends oe{get id(){return this._id}set id(e){this._id=e,this._controllerProperty=`${e}-c`}bind(e){let r=e.targets[this.targetNodeId];r[this._controllerProperty]=e,this.updateTarget(e.source,this.computeNodes(r)),this.observe(r),e.onUnbind(this)}unbind(e){let r=e.targets[this.targetNodeId];this.updateTarget(e.source,_t),this.disconnect(r),r[this._controllerProperty]=null}getSource(e){return e[this._controllerProperty].source}updateTarget(e,r){e[this.options.property]=r}computeNodes(e){let r=this.getNodes(e);return"filter"in this.options&&(r=r.filter(this.options.filter)),r}};var sr=/fe-b\$\$start\$\$(\d+)\$\$(.+)\$\$fe-b/,nn=/fe-b\$\$end\$\$(\d+)\$\$(.+)\$\$fe-b/,an=/fe-repeat\$\$start\$\$(\d+)\$\$fe-repeat/,sn=/fe-repeat\$\$end\$\$(\d+)\$\$fe-repeat/,ln=/^(?:.{0,1000})fe-eb\$\$start\$\$(.+?)\$\$fe-eb/,cn=/fe-eb\$\$end\$\$(.{0,1000})\$\$fe-eb(?:.{0,1000})$/;function lr(t){return t&&t.nodeType===Node.COMMENT_NODE}var C=Object.freeze({attributeMarkerName:"data-fe",legacyAttributeMarkerName:"data-fe-b",legacyCompactAttributeMarkerName:"data-fe-c",contentBindingStartMarker(){return"fe:b"},contentBindingEndMarker(){return"fe:/b"},repeatStartMarker(){return"fe:r"},repeatEndMarker(){return"fe:/r"},elementBoundaryStartMarker(){return"fe:e"},elementBoundaryEndMarker(){return"fe:/e"},isContentBindingStartMarker(t){return t==="fe:b"||sr.test(t)},isContentBindingEndMarker(t){return t==="fe:/b"||nn.test(t)},isRepeatViewStartMarker(t){return t==="fe:r"||an.test(t)},isRepeatViewEndMarker(t){return t==="fe:/r"||sn.test(t)},isElementBoundaryStartMarker(t){return lr(t)&&(t.data==="fe:e"||ln.test(t.data))},isElementBoundaryEndMarker(t){return lr(t)&&(t.data==="fe:/e"||cn.test(t.data))},parseAttributeBindingCount(t){let e=t.getAttribute(this.attributeMarkerName);if(e===null)return null;let r=e.trim();if(!/^\d+$/.test(r))throw x.error(m.invalidHydrationAttributeMarker,{value:e});let o=parseInt(r,10);if(o<1)throw x.error(m.invalidHydrationAttributeMarker,{value:e});return o},parseLegacyAttributeBindingIndices(t){let e=[],r=t.getAttribute(this.legacyAttributeMarkerName);if(r!==null)for(let a of r.trim().split(/\s+/)){if(a==="")continue;let i=Number(a);if(!Number.isInteger(i)||i<0)throw x.error(m.invalidHydrationAttributeMarker,{value:r});e.push(i)}let o=`${this.legacyAttributeMarkerName}-`,n=`${this.legacyCompactAttributeMarkerName}-`;for(let a of t.getAttributeNames())if(a.startsWith(o)){let i=Number(a.slice(o.length));if(!Number.isInteger(i)||i<0)throw x.error(m.invalidHydrationAttributeMarker,{value:a});e.push(i)}else if(a.startsWith(n)){let[i,l]=a.slice(n.length).split("-").map(d=>Number(d));if(!Number.isInteger(i)||!Number.isInteger(l)||i<0||l<1)throw x.error(m.invalidHydrationAttributeMarker,{value:a});for(let d=0;d<l;d++)e.push(i+d)}return e.length===0?null:e},removeLegacyAttributeBindingMarkers(t){t.removeAttribute(this.legacyAttributeMarkerName);for(let e of t.getAttributeNames())(e.startsWith(`${this.legacyAttributeMarkerName}-`)||e.startsWith(`${this.legacyCompactAttributeMarkerName}-`))&&t.removeAttribute(e)},parseLegacyContentBindingStartIndex(t){return dn(sr,t)}});function dn(t,e){let r=t.exec(e);return r===null?null:Number(r[1])}var Be=Symbol.for("fe-hydration");function qe(t){return t[Be]===Be}var cr="unknown";function dr(t,e){let r=e?`: ${e}`:"";return`Hydration mismatch in <${t}>${r}. Install hydrationDebugger() from "@microsoft/fast-element/hydration.js" and pass it as enableHydration({ debugger: hydrationDebugger() }) for an "Expected / Received" report including the SSR HTML snippet.`}var ur="content following `<!--fe:b-->` content binding marker",pr="matching `<!--fe:/b-->` content binding close marker",hr="matching `<!--fe:/e-->` element boundary close marker";function Pt(t){return`no more attribute bindings (template defines ${t})`}function gr(t){return`no more content bindings (template defines ${t})`}function fr(t,e){let r=(t??cr).toLowerCase();return dr(r,e)}var un={formatBindingMismatch(t,e,r,o){return{message:fr(o,void 0)}},formatStructuralError(t,e,r){return{message:fr(e,r)}}},pn=un;function G(){return pn}function X(t){var e;return t?(e=t.getRootNode().host)===null||e===void 0?void 0:e.nodeName:void 0}var R=class extends Error{constructor(e,r,o,n,a){super(e),this.factories=r,this.node=o,this.expected=n,this.received=a}};function Nt(t){return t.nodeType===Node.COMMENT_NODE}function vr(t){return t.nodeType===Node.TEXT_NODE}function wt(t,e){let r=document.createRange();return r.setStart(t,0),r.setEnd(e,Nt(e)||vr(e)?e.data.length:e.childNodes.length),r}function mr(t,e,r){let o=wt(t,e),n=o.commonAncestorContainer,a=document.createTreeWalker(n,NodeFilter.SHOW_ELEMENT+NodeFilter.SHOW_COMMENT+NodeFilter.SHOW_TEXT,{acceptNode(u){return o.comparePoint(u,0)===0?NodeFilter.FILTER_ACCEPT:NodeFilter.FILTER_REJECT}}),i={},l={},d=fn(r),c=d,s=a.currentNode=t;for(;s!==null;){switch(s.nodeType){case Node.ELEMENT_NODE:{let u=s,p=C.parseLegacyAttributeBindingIndices(u);if(p!==null){for(let k of p){let E=k+d,q=r[E];if(!q){let ve=Pt(r.length),st=G().formatStructuralError(s,X(s),ve);throw new R(st.message,r,u,st.expected,st.received)}ue(q,s,i),c=Math.max(c,E+1)}C.removeLegacyAttributeBindingMarkers(u);break}let b=C.parseAttributeBindingCount(u);if(b!==null){for(let k=0;k<b;k++){let E=r[c++];if(!E){let q=Pt(r.length),ve=G().formatStructuralError(s,X(s),q);throw new R(ve.message,r,s,ve.expected,ve.received)}ue(E,s,i)}u.removeAttribute(C.attributeMarkerName)}break}case Node.COMMENT_NODE:{let u=s.data;if(C.isElementBoundaryStartMarker(s))s.data="",gn(a,r,s);else if(C.isContentBindingStartMarker(u)){let p=C.parseLegacyContentBindingStartIndex(u),b=p===null?c++:p+d,k=r[b];if(c=Math.max(c,b+1),!k){let E=gr(r.length),q=G().formatStructuralError(s,X(s),E);throw new R(q.message,r,s,q.expected,q.received)}hn(s,a,k,r,i,l)}break}}s=a.nextNode()}return o.detach(),{targets:i,boundaries:l}}function hn(t,e,r,o,n,a){let i=[],l=e.nextSibling();if(t.data="",l===null){let s=ur,u=G().formatStructuralError(t,X(t),s);throw new R(u.message,o,t,u.expected,u.received)}let d=l,c=0;for(;l!==null;){if(Nt(l)){if(C.isContentBindingStartMarker(l.data))c++;else if(C.isContentBindingEndMarker(l.data)){if(c===0)break;c--}}i.push(l),l=e.nextSibling()}if(l===null){let s=pr,u=G().formatStructuralError(t,X(t),s);throw new R(u.message,o,t,u.expected,u.received)}if(l.data="",i.length===1&&vr(i[0]))ue(r,i[0],n);else{l!==d&&l.previousSibling!==null&&(a[r.targetNodeId]={first:d,last:l.previousSibling});let s=l.parentNode.insertBefore(document.createTextNode(""),l);ue(r,s,n)}}function gn(t,e,r){let o=0,n=t.nextSibling();for(;n!==null;){if(Nt(n)){if(C.isElementBoundaryStartMarker(n))n.data="",o++;else if(C.isElementBoundaryEndMarker(n)){if(o===0){n.data="";return}n.data="",o--}}n=t.nextSibling()}let a=hr,i=G().formatStructuralError(r,X(r),a);throw new R(i.message,e,r,i.expected,i.received)}function fn(t){let e=0;for(let r=0,o=t.length;r<o&&t[r].targetNodeId==="h";++r)e++;return e}function ue(t,e,r){if(t.targetNodeId===void 0)throw new Error("Factory could not be target to the node");r[t.targetNodeId]=e}function pe(t,e){let r=t.parentNode,o=t,n;for(;o!==e;){if(n=o.nextSibling,!n)throw new Error(`Unmatched first/last child inside "${e.getRootNode().host.nodeName}".`);r.removeChild(o),o=n}r.removeChild(e)}var Se=class{constructor(){this.index=0,this.length=0}get event(){return V.getEvent()}get isEven(){return this.index%2===0}get isOdd(){return this.index%2!==0}get isFirst(){return this.index===0}get isInMiddle(){return!this.isFirst&&!this.isLast}get isLast(){return this.index===this.length-1}eventDetail(){return this.event.detail}eventTarget(){return this.event.target}},ne=class extends Se{constructor(e,r,o){super(),this.fragment=e,this.factories=r,this.targets=o,this.behaviors=null,this.unbindables=[],this.source=null,this.isBound=!1,this.sourceLifetime=Y.unknown,this._skipAttrUpdates=!1,this.isPrerendered=Promise.resolve(!1),this.isHydrated=Promise.resolve(!1),this.context=this,this.firstChild=e.firstChild,this.lastChild=e.lastChild}appendTo(e){e.appendChild(this.fragment)}insertBefore(e){if(this.fragment.hasChildNodes())e.parentNode.insertBefore(this.fragment,e);else{let r=this.lastChild;if(e.previousSibling===r)return;let o=e.parentNode,n=this.firstChild,a;for(;n!==r;)a=n.nextSibling,o.insertBefore(n,e),n=a;o.insertBefore(r,e)}}remove(){let e=this.fragment,r=this.lastChild,o=this.firstChild,n;for(;o!==r;)n=o.nextSibling,e.appendChild(o),o=n;e.appendChild(r)}dispose(){pe(this.firstChild,this.lastChild),this.unbind()}onUnbind(e){this.unbindables.push(e)}bind(e,r=this){if(this.source===e&&this.context===r)return;let o=this.behaviors;if(o===null){this.source=e,this.context=r,this.behaviors=o=new Array(this.factories.length);let n=this.factories;for(let a=0,i=n.length;a<i;++a){let l=n[a].createBehavior();l.bind(this),o[a]=l}}else{this.source!==null&&this.evaluateUnbindables(),this.isBound=!1,this.source=e,this.context=r;for(let n=0,a=o.length;n<a;++n)o[n].bind(this)}this.isBound=!0}unbind(){!this.isBound||this.source===null||(this.evaluateUnbindables(),this.source=null,this.context=this,this.isBound=!1)}evaluateUnbindables(){let e=this.unbindables;for(let r=0,o=e.length;r<o;++r)e[r].unbind(this);e.length=0}static disposeContiguousBatch(e){if(e.length!==0){pe(e[0].firstChild,e[e.length-1].lastChild);for(let r=0,o=e.length;r<o;++r)e[r].unbind()}}};N(ne);g.defineProperty(ne.prototype,"index");g.defineProperty(ne.prototype,"length");var br,ae={unhydrated:"unhydrated",hydrating:"hydrating",hydrated:"hydrated"},Ft=class extends Error{constructor(e,r,o,n,a,i){super(e),this.factory=r,this.fragment=o,this.templateString=n,this.expected=a,this.received=i}},At=class extends Se{get hydrationStage(){return this._hydrationStage}get targets(){return this._targets}get bindingViewBoundaries(){return this._bindingViewBoundaries}constructor(e,r,o,n){super(),this.firstChild=e,this.lastChild=r,this.sourceTemplate=o,this.hostBindingTarget=n,this[br]=Be,this.context=this,this.source=null,this.isBound=!1,this.sourceLifetime=Y.unknown,this.unbindables=[],this.fragment=null,this.behaviors=null,this._hydrationStage=ae.unhydrated,this._bindingViewBoundaries={},this._targets={},this.factories=o.compile().factories}insertBefore(e){if(this.fragment!==null)if(this.fragment.hasChildNodes())e.parentNode.insertBefore(this.fragment,e);else{let r=this.lastChild;if(e.previousSibling===r)return;let o=e.parentNode,n=this.firstChild,a;for(;n!==r;)a=n.nextSibling,o.insertBefore(n,e),n=a;o.insertBefore(r,e)}}appendTo(e){this.fragment!==null&&e.appendChild(this.fragment)}remove(){let e=this.fragment||(this.fragment=document.createDocumentFragment()),r=this.lastChild,o=this.firstChild,n;for(;o!==r;){if(n=o.nextSibling,!n)throw new Error(`Unmatched first/last child inside "${r.getRootNode().host.nodeName}".`);e.appendChild(o),o=n}e.appendChild(r)}bind(e,r=this){if(this.source===e&&this.context===r)return;this.hydrationStage!==ae.hydrated&&(this._hydrationStage=ae.hydrating);let o=this.behaviors;if(o===null){this.source=e,this.context=r;try{let{targets:a,boundaries:i}=mr(this.firstChild,this.lastChild,this.factories);this._targets=a,this._bindingViewBoundaries=i}catch(a){if(a instanceof R){let i=this.sourceTemplate.html;typeof i!="string"&&(i=i.innerHTML),a.templateString=i}throw a}this.behaviors=o=new Array(this.factories.length);let n=this.factories;for(let a=0,i=n.length;a<i;++a){let l=n[a];if(l.targetNodeId==="h"&&this.hostBindingTarget&&ue(l,this.hostBindingTarget,this._targets),l.targetNodeId in this.targets){let d=l.createBehavior();d.bind(this),o[a]=d}else{let d=this.sourceTemplate.html;typeof d!="string"&&(d=d.innerHTML);let c=wt(this.firstChild,this.lastChild).cloneContents(),s=G().formatBindingMismatch(l,this.firstChild,this.lastChild,X(this.firstChild));throw new Ft(s.message,l,c,d,s.expected,s.received)}}}else{this.source!==null&&this.evaluateUnbindables(),this.isBound=!1,this.source=e,this.context=r;for(let n=0,a=o.length;n<a;++n)o[n].bind(this)}this.isBound=!0,this._hydrationStage=ae.hydrated}unbind(){!this.isBound||this.source===null||(this.evaluateUnbindables(),this.source=null,this.context=this,this.isBound=!1)}dispose(){pe(this.firstChild,this.lastChild),this.unbind()}onUnbind(e){this.unbindables.push(e)}evaluateUnbindables(){let e=this.unbindables;for(let r=0,o=e.length;r<o;++r)e[r].unbind(this);e.length=0}};br=Be;N(At);function vn(t){return t.create!==void 0}function mn(t,e,r,o){if(r==null&&(r=""),vn(r)){t.textContent="";let n=t.$fastView;if(n===void 0)if(qe(o)&&qe(r)&&o.bindingViewBoundaries[this.targetNodeId]!==void 0&&o.hydrationStage!==ae.hydrated){let a=o.bindingViewBoundaries[this.targetNodeId];n=r.hydrate(a.first,a.last)}else n=r.create();else t.$fastTemplate!==r&&(n.isComposed&&(n.remove(),n.unbind()),n=r.create());n.isComposed?n.needsBindOnly&&(n.needsBindOnly=!1,n.bind(o.source,o.context)):(n.isComposed=!0,n.bind(o.source,o.context),n.insertBefore(t),t.$fastView=n,t.$fastTemplate=r)}else{let n=t.$fastView;if(n!==void 0&&n.isComposed&&(n.isComposed=!1,n.remove(),n.needsBindOnly?n.needsBindOnly=!1:n.unbind()),n===void 0&&qe(o)&&o.hydrationStage!==ae.hydrated){let a=o.bindingViewBoundaries[this.targetNodeId];a!==void 0&&(pe(a.first,a.last),delete o.bindingViewBoundaries[this.targetNodeId])}t.textContent=r}}function bn(t,e,r){var o;let n=`${this.id}-t`,a=(o=t[n])!==null&&o!==void 0?o:t[n]={v:0,cv:Object.create(null)},i=a.cv,l=a.v,d=t[e];if(r!=null&&r.length){let c=r.split(/\s+/);for(let s=0,u=c.length;s<u;++s){let p=c[s];p!==""&&(i[p]=l,d.add(p))}}if(a.v=l+1,l!==0){l-=1;for(let c in i)i[c]===l&&d.remove(c)}}var xn={[y.attribute]:W.setAttribute,[y.booleanAttribute]:W.setBooleanAttribute,[y.property]:(t,e,r)=>t[e]=r,[y.content]:mn,[y.tokenList]:bn,[y.event]:()=>{}},z=class{constructor(e){this.updateTarget=null,this.aspectType=y.content,this.dataBinding=e}createHTML(e){return Ge.interpolation(e(this))}createBehavior(){var e;if(this.updateTarget===null){let r=xn[this.aspectType],o=(e=this.dataBinding.policy)!==null&&e!==void 0?e:this.policy;if(!r)throw x.error(m.unsupportedBindingBehavior);this.data=`${this.id}-d`,this.updateTarget=o.protect(this.targetTagName,this.aspectType,this.targetAspect,r)}return this}bind(e){var r;let o=e.targets[this.targetNodeId];switch(this.aspectType){case y.event:o[this.data]=e,o.addEventListener(this.targetAspect,this,this.dataBinding.options);break;case y.content:e.onUnbind(this);default:{let n=(r=o[this.data])!==null&&r!==void 0?r:o[this.data]=this.dataBinding.createObserver(this,this);n.target=o,n.controller=e;let a=n.bind(e);if(e._skipAttrUpdates&&(this.aspectType===y.attribute||this.aspectType===y.booleanAttribute))break;this.updateTarget(o,this.targetAspect,a,e);break}}}unbind(e){let o=e.targets[this.targetNodeId].$fastView;o!==void 0&&o.isComposed&&(o.unbind(),o.needsBindOnly=!0)}handleEvent(e){let r=e.currentTarget[this.data];if(r.isBound){V.setEvent(e);let o=this.dataBinding.evaluate(r.source,r.context);V.setEvent(null),o!==!0&&e.preventDefault()}}handleChange(e,r){let o=r.controller;if(!o.isBound)return;let n=r.target;this.updateTarget(n,this.targetAspect,r.bind(o),o)}};S.define(z,{aspected:!0});var Br=(t,e)=>`${t}.${e}`,xr={},j={index:0,node:null};function yr(t){t.startsWith("fast-")||x.warn(m.hostBindingWithoutHost,{name:t})}var yn=new Proxy(document.createElement("div"),{get(t,e){yr(e);let r=Reflect.get(t,e);return D(r)?r.bind(t):r},set(t,e,r){return yr(e),Reflect.set(t,e,r)}}),Ct=class{constructor(e,r,o){this.fragment=e,this.directives=r,this.policy=o,this.proto=null,this.nodeIds=new Set,this.descriptors={},this.factories=[]}addFactory(e,r,o,n,a){var i,l;this.nodeIds.has(o)||(this.nodeIds.add(o),this.addTargetDescriptor(r,o,n)),e.id=(i=e.id)!==null&&i!==void 0?i:ye(),e.targetNodeId=o,e.targetTagName=a,e.policy=(l=e.policy)!==null&&l!==void 0?l:this.policy,this.factories.push(e)}freeze(){return this.proto=Object.create(null,this.descriptors),this}addTargetDescriptor(e,r,o){let n=this.descriptors;if(r==="r"||r==="h"||n[r])return;if(!n[e]){let i=e.lastIndexOf("."),l=e.substring(0,i),d=parseInt(e.substring(i+1),10);this.addTargetDescriptor(l,e,d)}let a=xr[r];if(!a){let i=`_${r}`;xr[r]=a={get(){var l;return(l=this[i])!==null&&l!==void 0?l:this[i]=this[e].childNodes[o]}}}n[r]=a}createView(e){let r=this.fragment.cloneNode(!0),o=Object.create(this.proto);o.r=r,o.h=e??yn;for(let n of this.nodeIds)Reflect.get(o,n);return new ne(r,this.factories,o)}};function Sr(t,e,r,o,n,a=!1){let i=r.attributes,l=t.directives;for(let d=0,c=i.length;d<c;++d){let s=i[d],u=s.value,p=ke.parse(u,l),b=null;p===null?a&&(b=new z(Le(()=>u,t.policy)),S.assignAspect(b,s.name)):b=Ue.aggregate(p,t.policy),b!==null&&(r.removeAttributeNode(s),d--,c--,t.addFactory(b,e,o,n,r.tagName))}}function kn(t,e,r,o,n){let a=ke.parse(e.textContent,t.directives);if(a===null)return j.node=e.nextSibling,j.index=n+1,j;let i,l=i=e;for(let d=0,c=a.length;d<c;++d){let s=a[d];d!==0&&(n++,o=Br(r,n),i=l.parentNode.insertBefore(document.createTextNode(""),l.nextSibling)),P(s)?i.textContent=s:(i.textContent=" ",S.assignAspect(s),t.addFactory(s,r,o,n,null)),l=i}return j.index=n+1,j.node=l.nextSibling,j}function Pr(t,e,r){let o=0,n=e.firstChild;for(;n;){let a=Bn(t,r,n,o);n=a.node,o=a.index}}function Bn(t,e,r,o){let n=Br(e,o);switch(r.nodeType){case 1:Sr(t,e,r,n,o),Pr(t,r,n);break;case 3:return kn(t,r,e,n,o);case 8:{let a=ke.parse(r.data,t.directives);a!==null&&t.addFactory(Ue.aggregate(a),e,n,o,null);break}}return j.index=o+1,j.node=r.nextSibling,j}function Sn(t,e){return t&&t.nodeType===8&&ke.parse(t.data,e)!==null}var kr="TEMPLATE",Ue={compile(t,e,r=W.policy){let o;if(P(t)){o=document.createElement(kr),o.innerHTML=r.createHTML(t);let i=o.content.firstElementChild;i!==null&&i.tagName===kr&&(o=i)}else o=t;!o.content.firstChild&&!o.content.lastChild&&o.content.appendChild(document.createComment(""));let n=document.adoptNode(o.content),a=new Ct(n,e,r);return Sr(a,"",o,"h",0,!0),(Sn(n.firstChild,e)||n.childNodes.length===1&&Object.keys(e).length>0)&&n.insertBefore(document.createComment(""),n.firstChild),Pr(a,n,"r"),j.node=null,a.freeze()},setDefaultStrategy(t){this.compile=t},aggregate(t,e=W.policy){if(t.length===1)return t[0];let r,o=!1,n,a=t.length,i=t.map(c=>P(c)?()=>c:(r=c.sourceAspect||r,o=o||c.dataBinding.isVolatile,n=n||c.dataBinding.policy,c.dataBinding.evaluate)),l=(c,s)=>{let u="";for(let p=0;p<a;++p)u+=i[p](c,s);return u},d=new z(Me(l,n??e,o));return S.assignAspect(d,r),d}};var Pe=class extends oe{bind(e){e.source[this.options]=e.targets[this.targetNodeId]}};S.define(Pe);var Ye=t=>new Pe(t);var Pn=/([ \x09\x0a\x0c\x0d])([^\0-\x1F\x7F-\x9F "'>=/]+)([ \x09\x0a\x0c\x0d]*=[ \x09\x0a\x0c\x0d]*(?:[^ \x09\x0a\x0c\x0d"'`<>=]*|"[^"]*|'[^']*))$/,Nn=Object.create(null),O=class{constructor(e,r=Nn){this.html=e,this.factories=r}createHTML(e){let r=this.factories;for(let o in r)e(r[o]);return this.html}};O.empty=new O("");S.define(O);function wn(t,e,r,o=S.getForInstance(t)){if(o.aspected){let n=Pn.exec(e);n!==null&&S.assignAspect(t,n[2])}return t.createHTML(r)}var Ne=class t{constructor(e,r={},o){this.policy=o,this.result=null,this.html=e,this.factories=r}compile(){return this.result===null&&(this.result=Ue.compile(this.html,this.factories,this.policy)),this.result}inline(){return new O(P(this.html)?this.html:this.html.innerHTML,this.factories)}withPolicy(e){if(this.result)throw x.error(m.cannotSetTemplatePolicyAfterCompilation);if(this.policy)throw x.error(m.onlySetTemplatePolicyOnce);return this.policy=e,this}render(e,r,o){let n=this.create(o);return n.bind(e),n.appendTo(r),n}create(e){return this.compile().createView(e)}static create(e,r,o){let n="",a=Object.create(null),i=l=>{var d;let c=(d=l.id)!==null&&d!==void 0?d:l.id=ye();return a[c]=l,c};for(let l=0,d=e.length-1;l<d;++l){let c=e[l],s=r[l],u;if(n+=c,D(s))s=new z(Me(s));else if(s instanceof U)s=new z(s);else if(!(u=S.getForInstance(s))){let p=s;s=new z(Le(()=>p))}n+=wn(s,c,i,u)}return new t(n+e[e.length-1],a,o)}};N(Ne);var L=((t,...e)=>{if(Array.isArray(t)&&Array.isArray(t.raw))return Ne.create(t,e);throw x.error(m.directCallToHTMLTagNotAllowed)});L.partial=t=>new O(t);var Nr="slotchange",we=class extends Xe{observe(e){e.addEventListener(Nr,this)}disconnect(e){e.removeEventListener(Nr,this)}getNodes(e){return e.assignedNodes(this.options)}handleEvent(e){let r=e.currentTarget;this.updateTarget(this.getSource(r),this.computeNodes(r))}};S.define(we);function Tt(t){return P(t)&&(t={property:t}),new we(t)}function he(t){return t?typeof t=="string"?new O(t):"inline"in t?t.inline():t:O.empty}var Ke=class{};function wr(t){return L` <slot name="end" ${Ye("end")}>${he(t.end)}</slot> `.inline()}function Fr(t){return L` <slot name="start" ${Ye("start")}>${he(t.start)}</slot> `.inline()}function Ar(t,...e){let r=ce.locate(t);e.forEach(o=>{Object.getOwnPropertyNames(o.prototype).forEach(a=>{a!=="constructor"&&Object.defineProperty(t.prototype,a,Object.getOwnPropertyDescriptor(o.prototype,a))}),ce.locate(o).forEach(a=>r.push(a))})}function Je(t){let e=t.ownerDocument;t?.isConnected&&t?.hasAttribute("autofocus")&&t?.checkVisibility?.({contentVisibilityAuto:!0,visibilityProperty:!0})&&[null,t,e.body,e.documentElement].includes(e.activeElement)&&Z.enqueue(()=>{t.focus()})}var J=Object.freeze({prefix:"fluent",shadowRootMode:"open",registry:globalThis.customElements});var Fe={submit:"submit",reset:"reset",button:"button"};var Cr=`${J.prefix}-button`;var B=class extends be{disabledChanged(){this.setTabIndex()}disabledFocusableChanged(e,r){this.elementInternals&&(this.elementInternals.ariaDisabled=`${!!r}`)}get form(){return this.elementInternals.form}static{this.formAssociated=!0}get labels(){return Object.freeze(Array.from(this.elementInternals.labels))}typeChanged(e,r){r!==Fe.submit&&(this.formSubmissionFallbackControl?.remove(),this.shadowRoot?.querySelector('slot[name="internal"]')?.remove())}clickHandler(e){if(e&&this.disabledFocusable){e.stopImmediatePropagation();return}return this.press(),!0}connectedCallback(){super.connectedCallback(),this.elementInternals.ariaDisabled=`${!!this.disabledFocusable}`,this.setTabIndex(),Je(this)}constructor(){super(),this.disabledFocusable=!1,this.elementInternals=this.attachInternals(),this.elementInternals.role="button"}createAndInsertFormSubmissionFallbackControl(){let e=this.formSubmissionFallbackControlSlot??document.createElement("slot");e.setAttribute("name","internal"),this.shadowRoot?.appendChild(e),this.formSubmissionFallbackControlSlot=e;let r=this.formSubmissionFallbackControl??document.createElement("button");r.style.display="none",r.setAttribute("type","submit"),r.setAttribute("slot","internal"),this.formNoValidate&&r.toggleAttribute("formnovalidate",!0),this.elementInternals.form?.id&&r.setAttribute("form",this.elementInternals.form.id),this.name&&r.setAttribute("name",this.name),this.value&&r.setAttribute("value",this.value),this.formAction&&r.setAttribute("formaction",this.formAction??""),this.formEnctype&&r.setAttribute("formenctype",this.formEnctype??""),this.formMethod&&r.setAttribute("formmethod",this.formMethod??""),this.formTarget&&r.setAttribute("formtarget",this.formTarget??""),this.append(r),this.formSubmissionFallbackControl=r}formDisabledCallback(e){this.disabled=e}keypressHandler(e){if(e&&this.disabledFocusable){e.stopImmediatePropagation();return}if(e.key==="Enter"||e.key===" "){this.click();return}return!0}press(){switch(this.type){case Fe.reset:{this.resetForm();break}case Fe.submit:{this.submitForm();break}}}resetForm(){this.elementInternals.form?.reset()}setTabIndex(){if(this.disabled){this.removeAttribute("tabindex");return}this.tabIndex=Number(this.getAttribute("tabindex")??0)<0?-1:0}submitForm(){if(!(!this.elementInternals.form||this.disabled||this.type!==Fe.submit)){if(!this.name&&!this.formAction&&!this.formEnctype&&!this.formAttribute&&!this.formMethod&&!this.formNoValidate&&!this.formTarget){this.elementInternals.form.requestSubmit();return}try{this.elementInternals.setFormValue(this.value??""),this.elementInternals.form.requestSubmit(this)}catch{this.createAndInsertFormSubmissionFallbackControl(),this.elementInternals.setFormValue(null),this.elementInternals.form.requestSubmit(this.formSubmissionFallbackControl)}}}};h([ee],B.prototype,"defaultSlottedContent",void 0);h([v({mode:"boolean"})],B.prototype,"disabled",void 0);h([v({attribute:"disabled-focusable",mode:"boolean"})],B.prototype,"disabledFocusable",void 0);h([v({attribute:"formaction"})],B.prototype,"formAction",void 0);h([v({attribute:"form"})],B.prototype,"formAttribute",void 0);h([v({attribute:"formenctype"})],B.prototype,"formEnctype",void 0);h([v({attribute:"formmethod"})],B.prototype,"formMethod",void 0);h([v({attribute:"formnovalidate",mode:"boolean"})],B.prototype,"formNoValidate",void 0);h([v({attribute:"formtarget"})],B.prototype,"formTarget",void 0);h([v],B.prototype,"name",void 0);h([v],B.prototype,"type",void 0);h([v],B.prototype,"value",void 0);var T=class extends B{constructor(){super(...arguments),this.iconOnly=!1}};h([v],T.prototype,"appearance",void 0);h([v],T.prototype,"shape",void 0);h([v],T.prototype,"size",void 0);h([v({attribute:"icon-only",mode:"boolean"})],T.prototype,"iconOnly",void 0);Ar(T,Ke);var Ts=CSS.supports("anchor-name: --a"),$s="anchor"in HTMLElement.prototype,$t=CSS.supports("selector(:state(g))");var Tr=new Map;function f(t){return Tr.get(t)??Tr.set(t,$t?`:state(${t})`:`[state--${t}]`).get(t)}function Ae(t,e,r){if(!(!e||!t)){if(!$t){t.shadowRoot.host.toggleAttribute(`state--${e}`,r);return}if(r??!t.states.has(e)){t.states.add(e);return}t.states.delete(e)}}var M=class extends be{constructor(){super(...arguments),this.initialValue="on",this._keydownPressed=!1,this.dirtyChecked=!1,this.elementInternals=this.attachInternals(),this._validationFallbackMessage="",this._value=this.initialValue}get checked(){return g.track(this,"checked"),!!this._checked}set checked(e){this._checked=e,this.setFormValue(e?this.value:null),this.setValidity(),this.setAriaChecked(),Ae(this.elementInternals,"checked",e),g.notify(this,"checked")}disabledChanged(e,r){this.disabled?this.removeAttribute("tabindex"):this.tabIndex=Number(this.getAttribute("tabindex")??0)<0?-1:0,this.elementInternals.ariaDisabled=this.disabled?"true":"false",Ae(this.elementInternals,"disabled",this.disabled)}disabledAttributeChanged(e,r){this.disabled=!!r}initialCheckedChanged(e,r){this.dirtyChecked||(this.checked=!!r)}initialValueChanged(e,r){this._value=r}requiredChanged(e,r){this.elementInternals&&(this.setValidity(),this.elementInternals.ariaRequired=this.required?"true":"false")}get form(){return this.elementInternals.form}static{this.formAssociated=!0}get labels(){return Object.freeze(Array.from(this.elementInternals.labels))}get validationMessage(){if(this.elementInternals?.validationMessage)return this.elementInternals.validationMessage;if(!this._validationFallbackMessage){let e=document.createElement("input");e.type="checkbox",e.required=!0,e.checked=!1,this._validationFallbackMessage=e.validationMessage}return this._validationFallbackMessage}get validity(){return this.elementInternals.validity}get value(){return g.track(this,"value"),this._value}set value(e){this._value=e,this.elementInternals&&(this.setFormValue(e),this.setValidity()),g.notify(this,"value")}get willValidate(){return this.elementInternals.willValidate}checkValidity(){return this.elementInternals.checkValidity()}clickHandler(e){if(this.disabled)return;this.dirtyChecked=!0;let r=this.checked;return this.toggleChecked(),r!==this.checked&&(this.$emit("change"),this.$emit("input")),!0}connectedCallback(){super.connectedCallback(),this.disabled=!!this.disabledAttribute,this.setAriaChecked(),this.setValidity(),Je(this)}inputHandler(e){return this.setFormValue(this.value),this.setValidity(),!0}keydownHandler(e){if(e.key!==" ")return!0;this._keydownPressed=!0}keyupHandler(e){if(!this._keydownPressed||e.key!==" ")return!0;this._keydownPressed=!1,this.click()}formResetCallback(){this.checked=this.initialChecked??!1,this.dirtyChecked=!1,this.setValidity()}reportValidity(){return this.elementInternals.reportValidity()}setAriaChecked(e=this.checked){this.elementInternals&&(this.elementInternals.ariaChecked=e?"true":"false")}setFormValue(e,r){this.elementInternals?.setFormValue(e,e??r)}setCustomValidity(e){this.elementInternals.setValidity({customError:!0},e),this.setValidity()}setValidity(e,r,o){if(this.elementInternals){if(this.disabled||!this.required){this.elementInternals.setValidity({});return}this.elementInternals.setValidity({valueMissing:!!this.required&&!this.checked,...e},r??this.validationMessage,o)}}toggleChecked(e=!this.checked){this.checked=e}};h([ee],M.prototype,"disabled",void 0);h([v({attribute:"disabled",mode:"boolean"})],M.prototype,"disabledAttribute",void 0);h([v({attribute:"form"})],M.prototype,"formAttribute",void 0);h([v({attribute:"checked",mode:"boolean"})],M.prototype,"initialChecked",void 0);h([v({attribute:"value",mode:"fromView"})],M.prototype,"initialValue",void 0);h([v],M.prototype,"name",void 0);h([v({mode:"boolean"})],M.prototype,"required",void 0);var I=class extends M{indeterminateChanged(e,r){this.setAriaChecked(),Ae(this.elementInternals,"indeterminate",r)}constructor(){super(),this.elementInternals.role="checkbox"}setAriaChecked(e=this.checked){if(this.indeterminate){this.elementInternals.ariaChecked="mixed";return}super.setAriaChecked(e)}toggleChecked(e=!this.checked){this.indeterminate=!1,super.toggleChecked(e)}};h([ee],I.prototype,"indeterminate",void 0);h([v],I.prototype,"shape",void 0);h([v],I.prototype,"size",void 0);var Fn=":host([hidden]){display:none}";function Qe(t){return`${Fn}:host{display:${t}}`}var $r="var(--colorNeutralForeground1)",Hr="var(--colorNeutralForeground1Hover)",Or="var(--colorNeutralForeground1Pressed)";var Ht="var(--colorNeutralForeground2)",Lr="var(--colorNeutralForeground2Hover)",Mr="var(--colorNeutralForeground2Pressed)";var Ot="var(--colorNeutralForeground2BrandHover)",Lt="var(--colorNeutralForeground2BrandPressed)";var Ir="var(--colorNeutralForegroundDisabled)";var Ze="var(--colorNeutralForegroundOnBrand)",Er="var(--colorNeutralForegroundInverted)";var et="var(--colorNeutralBackground1)",Dr="var(--colorNeutralBackground1Hover)",_r="var(--colorNeutralBackground1Pressed)";var Rr="var(--colorSubtleBackground)",zr="var(--colorSubtleBackgroundHover)",jr="var(--colorSubtleBackgroundPressed)";var ge="var(--colorTransparentBackground)",Mt="var(--colorTransparentBackgroundHover)",It="var(--colorTransparentBackgroundPressed)";var tt="var(--colorNeutralBackgroundDisabled)";var Vr="var(--colorBrandBackground)",Wr="var(--colorBrandBackgroundHover)",Gr="var(--colorBrandBackgroundPressed)";var Xr="var(--colorCompoundBrandBackground)",qr="var(--colorCompoundBrandBackgroundHover)",Ur="var(--colorCompoundBrandBackgroundPressed)";var Yr="var(--colorNeutralStrokeAccessible)",Kr="var(--colorNeutralStrokeAccessibleHover)",Jr="var(--colorNeutralStrokeAccessiblePressed)";var Qr="var(--colorNeutralStroke1)",Zr="var(--colorNeutralStroke1Hover)",eo="var(--colorNeutralStroke1Pressed)";var to="var(--colorCompoundBrandStroke)",ro="var(--colorCompoundBrandStrokeHover)",oo="var(--colorCompoundBrandStrokePressed)",fe="var(--colorNeutralStrokeDisabled)";var Ce="var(--colorTransparentStroke)";var Te="var(--colorStrokeFocus2)";var no="var(--borderRadiusNone)",$e="var(--borderRadiusSmall)",rt="var(--borderRadiusMedium)",ao="var(--borderRadiusLarge)";var ot="var(--borderRadiusCircular)",io="var(--fontFamilyBase)";var so="var(--fontSizeBase200)",lo="var(--fontSizeBase300)",co="var(--fontSizeBase400)";var uo="var(--fontWeightRegular)";var po="var(--fontWeightSemibold)";var ho="var(--lineHeightBase200)",go="var(--lineHeightBase300)",fo="var(--lineHeightBase400)";var vo="var(--shadow2)",mo="var(--shadow4)";var nt="var(--strokeWidthThin)",at="var(--strokeWidthThick)";var bo="var(--spacingHorizontalXS)",xo="var(--spacingHorizontalSNudge)",yo="var(--spacingHorizontalS)";var ko="var(--spacingHorizontalM)",Bo="var(--spacingHorizontalL)";var So="var(--durationFaster)";var Po="var(--curveEasyEase)";var An=re`
  ${Qe("inline-flex")}

  :host {
    --icon-spacing: ${xo};
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
    background-color: ${et};
    color: ${$r};
    border: ${nt} solid ${Qr};
    padding: 0 ${ko};
    min-width: 96px;
    border-radius: ${rt};
    font-size: ${lo};
    font-family: ${io};
    font-weight: ${po};
    line-height: ${go};
    transition-duration: ${So};
    transition-property: background, border, color;
    transition-timing-function: ${Po};
    cursor: pointer;
    user-select: none;
  }

  .content {
    display: inherit;
  }

  :host(:hover) {
    background-color: ${Dr};
    color: ${Hr};
    border-color: ${Zr};
  }

  :host(:hover:active) {
    background-color: ${_r};
    border-color: ${eo};
    color: ${Or};
    outline-style: none;
  }

  :host(:focus-visible) {
    border-color: ${Ce};
    outline: ${at} solid ${Ce};
    box-shadow: ${mo}, 0 0 0 2px ${Te};
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
    --icon-spacing: ${bo};
    min-height: 24px;
    min-width: 64px;
    padding: 0 ${yo};
    border-radius: ${$e};
    font-size: ${so};
    line-height: ${ho};
    font-weight: ${uo};
  }

  :host([size='small'][icon-only]) {
    min-width: 24px;
    max-width: 24px;
  }

  :host([size='large']) {
    min-height: 40px;
    border-radius: ${ao};
    padding: 0 ${Bo};
    font-size: ${co};
    line-height: ${fo};
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
    border-radius: ${ot};
  }

  :host(:is([shape='square'], [shape='square']:focus-visible)) {
    border-radius: ${no};
  }

  :host([appearance='primary']) {
    background-color: ${Vr};
    color: ${Ze};
    border-color: transparent;
  }

  :host([appearance='primary']:hover) {
    background-color: ${Wr};
  }

  :host([appearance='primary']:is(:hover, :hover:active):not(:focus-visible)) {
    border-color: transparent;
  }

  :host([appearance='primary']:is(:hover, :hover:active)) {
    color: ${Ze};
  }

  :host([appearance='primary']:hover:active) {
    background-color: ${Gr};
  }

  :host([appearance='primary']:focus-visible) {
    border-color: ${Ze};
    box-shadow: ${vo}, 0 0 0 2px ${Te};
  }

  :host([appearance='outline']) {
    background-color: ${ge};
  }

  :host([appearance='outline']:hover) {
    background-color: ${Mt};
  }

  :host([appearance='outline']:hover:active) {
    background-color: ${It};
  }

  :host([appearance='subtle']) {
    background-color: ${Rr};
    color: ${Ht};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover) {
    background-color: ${zr};
    color: ${Lr};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover:active) {
    background-color: ${jr};
    color: ${Mr};
    border-color: transparent;
  }

  :host([appearance='subtle']:hover) ::slotted(svg) {
    fill: ${Ot};
  }

  :host([appearance='subtle']:hover:active) ::slotted(svg) {
    fill: ${Lt};
  }

  :host([appearance='transparent']) {
    background-color: ${ge};
    color: ${Ht};
  }

  :host([appearance='transparent']:hover) {
    background-color: ${Mt};
    color: ${Ot};
  }

  :host([appearance='transparent']:hover:active) {
    background-color: ${It};
    color: ${Lt};
  }

  :host(:is([appearance='transparent'], [appearance='transparent']:is(:hover, :active))) {
    border-color: transparent;
  }
`,No=re`
  ${An}

  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable])),
  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable]):hover),
  :host(:is(:disabled, [disabled], [disabled-focusable], [appearance]:disabled, [appearance][disabled], [appearance][disabled-focusable]):hover:active) {
    background-color: ${tt};
    border-color: ${fe};
    color: ${Ir};
    cursor: not-allowed;
  }

  :host([appearance='primary']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='primary']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    border-color: transparent;
  }

  :host([appearance='outline']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='outline']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    background-color: ${ge};
  }

  :host([appearance='subtle']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='subtle']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    background-color: ${ge};
    border-color: transparent;
  }

  :host([appearance='transparent']:is(:disabled, [disabled], [disabled-focusable])),
  :host([appearance='transparent']:is(:disabled, [disabled], [disabled-focusable]):is(:hover, :hover:active)) {
    border-color: transparent;
    background-color: ${ge};
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
`;function Cn(t={}){return L`
    <template
      @click="${(e,r)=>e.clickHandler(r.event)}"
      @keypress="${(e,r)=>e.keypressHandler(r.event)}"
    >
      ${Fr(t)}
      <span class="content" part="content">
        <slot ${Tt("defaultSlottedContent")}></slot>
      </span>
      ${wr(t)}
    </template>
  `}var wo=Cn();var Fo={name:Cr,registry:J.registry,styles:No,template:wo};T.define(Fo);var Ao=`${J.prefix}-checkbox`;var dl=f("active"),ul=f("bad-input"),$=f("checked"),pl=f("custom-error"),hl=f("description"),gl=f("disabled"),A=":is([disabled], :disabled)",fl=f("error"),vl=f("flip-block"),ml=f("focus-visible"),bl=f("has-message"),Q=f("indeterminate"),xl=f("multiple"),yl=f("open"),kl=f("pattern-mismatch"),Bl=f("placeholder-shown"),Sl=f("pressed"),Pl=f("range-overflow"),Nl=f("range-underflow"),wl=f("required"),Fl=f("selected"),Al=f("step-mismatch"),Cl=f("submenu"),Tl=f("too-long"),$l=f("too-short"),Hl=f("type-mismatch"),Ol=f("user-invalid"),Ll=f("valid"),Ml=f("value-missing");var Co=re`
  ${Qe("inline-flex")}

  :host {
    --size: 16px;
    background-color: ${et};
    border-radius: ${$e};
    border: ${nt} solid ${Yr};
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
    border-color: ${Kr};
  }

  :host(:active) {
    border-color: ${Jr};
  }

  :host(${$}:hover) {
    background-color: ${qr};
    border-color: ${ro};
  }

  :host(${$}:active) {
    background-color: ${Ur};
    border-color: ${oo};
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
    border: ${at} solid ${Ce};
    border-radius: ${rt};
  }

  :host(:not([slot='input']):focus-visible)::after {
    border-color: ${Te};
  }

  .indeterminate-indicator,
  .checked-indicator {
    color: ${Er};
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

  :host(:not(${$})) *:is(::slotted([slot='checked-indicator']), .checked-indicator) {
    display: none;
  }

  :host(${$}),
  :host(${Q}) {
    border-color: ${to};
  }

  :host(${$}),
  :host(${Q}) .indeterminate-indicator {
    background-color: ${Xr};
  }

  :host(${Q}) .indeterminate-indicator {
    border-radius: ${$e};
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
    border-radius: ${ot};
  }

  :host(${A}),
  :host(${A}${$}) {
    background-color: ${tt};
    border-color: ${fe};
  }

  :host(${A}) {
    cursor: unset;
  }

  :host(${A}${Q}) .indeterminate-indicator {
    background-color: ${fe};
  }

  :host(${A}${$}) .checked-indicator {
    color: ${fe};
  }

  @media (forced-colors: active) {
    :host {
      border-color: FieldText;
    }

    :host(:not([slot='input']:focus-visible))::after {
      border-color: Canvas;
    }

    :host(:not(${A}):hover),
    :host(${$}:not(${A}):hover),
    :host(:not([slot='input']):focus-visible)::after {
      border-color: Highlight;
    }

    .indeterminate-indicator,
    .checked-indicator {
      color: HighlightText;
    }

    :host(${$}),
    :host(${Q}) .indeterminate-indicator {
      background-color: FieldText;
    }

    :host(${$}:not(${A}):hover),
    :host(${Q}:not(${A}):hover) .indeterminate-indicator {
      background-color: Highlight;
    }

    :host(${A}) {
      border-color: GrayText;
    }

    :host(${A}${Q}) .indeterminate-indicator {
      background-color: GrayText;
    }

    :host(${A}),
    :host(${A}${$}) .checked-indicator {
      color: GrayText;
    }
  }
`;var Tn=L.partial(`
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
`),$n=L.partial(`
    <span class="indeterminate-indicator"></span>
`);function Hn(t={}){return L`
    <template
      @click="${(e,r)=>e.clickHandler(r.event)}"
      @input="${(e,r)=>e.inputHandler(r.event)}"
      @keydown="${(e,r)=>e.keydownHandler(r.event)}"
      @keyup="${(e,r)=>e.keyupHandler(r.event)}"
    >
      <slot name="checked-indicator">${he(t.checkedIndicator)}</slot>
      <slot name="indeterminate-indicator">${he(t.indeterminateIndicator)}</slot>
    </template>
  `}var To=Hn({checkedIndicator:Tn,indeterminateIndicator:$n});var $o={name:Ao,registry:J.registry,styles:Co,template:To};I.define($o);function Ho(t,e,r){let o=n=>{if(n.isConnected){n.hasAttribute("role")||n.setAttribute("role",e);for(let[a,i]of Object.entries(r(n)))i===null?n.removeAttribute(a):n.setAttribute(a,i)}};return it(t,"connectedCallback",o),o}function it(t,e,r){let o=t.prototype[e];t.prototype[e]=function(...n){let a=o?.apply(this,n);return r(this),a}}var Oo=t=>t.disabled?"true":null,Lo=Ho(T,"button",t=>({"aria-disabled":Oo(t)}));it(T,"disabledChanged",Lo);var Et=Ho(I,"checkbox",t=>({"aria-checked":t.indeterminate?"mixed":String(!!t.checked),"aria-disabled":Oo(t),"aria-required":t.required?"true":null}));it(I,"setAriaChecked",Et);it(I,"disabledChanged",Et);for(let[t,e]of[["fluent-button",Lo],["fluent-checkbox",Et]])customElements.whenDefined(t).then(()=>document.querySelectorAll(t).forEach(e));var On=new Set(["text","email","number","date","search","tel","url","password"]);document.addEventListener("keydown",t=>{let e=t.target;if(t.key!=="Enter"||t.defaultPrevented||t.isComposing||!(e instanceof HTMLInputElement)||!On.has(e.type)||!e.form)return;let r=e.form;r.querySelector("button[type=submit], input[type=submit], button:not([type])")||!r.querySelector("fluent-button[type=submit]:not([disabled])")||(t.preventDefault(),r.requestSubmit())});
